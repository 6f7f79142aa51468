import { join } from 'node:path';
import type { LocalPlatform, LocalPlatformOptions } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';

export const FIXTURE_APP = join(__dirname, 'fixtures', 'app');

/** The test app's platform: no sites unless given, virtual time, console captured but not echoed. */
export function startFixturePlatform(opts: Partial<LocalPlatformOptions> = {}): Promise<LocalPlatform> {
  return startTestPlatform({ sites: [], appDir: FIXTURE_APP, ...opts });
}

/** Runs `fn` and returns the error it rejects with (fails the test if it resolves). */
export async function rejection(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to reject, but it resolved');
}
