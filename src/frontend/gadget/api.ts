import type { z } from 'zod';
import { invokeResolver } from '../../platform/gadget-bridge';
import { gadgetContract, gadgetResultSchema, type GadgetConfig, type GadgetResolverKey } from '../../shared/gadget-contract';
import type { Result } from '../../shared/result';

export { openDashboard, readStoredConfig, submitConfig } from '../../platform/gadget-bridge';

/**
 * Everything the gadget asks of the host, in one place: the views stay plain components and the
 * tests drive the real @forge/bridge through a fake `__bridge`.
 */
type ResultOf<K extends GadgetResolverKey> = z.infer<(typeof gadgetContract)[K]['result']>;

async function call<K extends GadgetResolverKey>(
  key: K,
  payload: z.infer<(typeof gadgetContract)[K]['payload']>,
): Promise<Result<ResultOf<K>>> {
  let raw: unknown;
  try {
    raw = await invokeResolver(key, payload);
  } catch {
    return { ok: false, error: { code: 'UNREACHABLE', message: 'ActivityPulse could not be reached. Try again in a moment.' } };
  }
  // Bridge 7.2 wraps the answer in {body, metadata} when metadata was sent; unwrap defensively.
  const body = raw && typeof raw === 'object' && 'body' in raw && 'metadata' in raw ? (raw as { body: unknown }).body : raw;
  const parsed = gadgetResultSchema(key).safeParse(body);
  if (!parsed.success) {
    return { ok: false, error: { code: 'INTERNAL', message: 'ActivityPulse sent an answer this gadget does not understand. Reload the dashboard.' } };
  }
  return parsed.data as Result<ResultOf<K>>;
}

export const fetchSummary = (config: GadgetConfig) => call('gadget/summary', { config });
export const fetchOptions = () => call('gadget/options', {});
