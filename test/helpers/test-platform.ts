import { type LocalPlatform, type LocalPlatformOptions, startLocalPlatform, virtualSleep } from '../../local/platform';
import { setSyncSleep } from '../../src/sync/clock';

/**
 * The local platform as the jest tests run it: on virtual time, so an invocation's remaining
 * time and its cut-off point follow the modelled cost of its requests, not the speed of the
 * machine (docs/architecture.md, "Virtual time"); console captured, not echoed.
 *
 * The sync's retry waits go to virtualSleep: charged to the invocation, no real waiting. The
 * seam is module state of this test file's registry, so it ends with the file.
 */
export function startTestPlatform(opts: LocalPlatformOptions): Promise<LocalPlatform> {
  const virtual = (opts.time?.mode ?? 'virtual') === 'virtual';
  if (virtual) setSyncSleep(virtualSleep);
  return startLocalPlatform({ echoConsole: false, useEnv: false, time: { mode: 'virtual' }, ...opts });
}
