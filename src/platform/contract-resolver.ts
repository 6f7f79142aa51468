import type { z } from 'zod';
import { fail, ok, type Result } from '../shared/result';
import { describeError } from '../sources/errors';
import { payloadError } from './payload-error';
import { isConsentRequired } from './viewer-site-client';

/** A resolver contract (src/shared/*-contract.ts): every key with its payload and result schema. */
export type ResolverContract = Record<string, { payload: z.ZodType; result: z.ZodType }>;

/** What Forge tells a resolver about the call, read once by forge-resolver.ts. */
export interface CallContext {
  accountId?: string;
  siteUrl?: string;
}

/** One key's use case: the parsed payload in, the contract's result (before its parse) out. */
export type ContractHandler<E extends ResolverContract[string], Caller, Deps> = (
  payload: z.output<E['payload']>,
  caller: Caller,
  deps: Deps,
) => Promise<Result<z.input<E['result']>>>;

export interface ContractResolverSpec<C extends ResolverContract, Caller, Deps> {
  /** Names the resolver in messages and logs ("Unknown admin action ..."). */
  name: string;
  contract: C;
  /**
   * Who may call at all. Asked before the payload is read, so a refused caller learns nothing,
   * not even which payloads would be accepted.
   */
  authorize(call: CallContext, deps: Deps): Promise<Result<Caller>>;
  handlers: { [K in keyof C]: ContractHandler<C[K], Caller, Deps> };
}

export interface ContractResolver<Deps> {
  readonly name: string;
  readonly keys: readonly string[];
  dispatch(key: string, payload: unknown, call: CallContext, deps: Deps): Promise<Result<unknown>>;
}

const INTERNAL_MESSAGE = 'Something went wrong on our side: try again.';
const SHAPE_MESSAGE = 'The answer did not have the expected shape: try again or reload the page.';

/**
 * The one pipeline every resolver key goes through: authorize, parse the payload by the
 * contract, run the handler, parse its answer by the contract (which drops any field the
 * contract does not name, so nothing unplanned leaves), and turn what was thrown into the
 * Result envelope. Forge's consent request is the exception: it must reach Forge unchanged, or
 * the user is never asked to allow the app to act for them.
 */
export function defineContractResolver<C extends ResolverContract, Caller, Deps>(spec: ContractResolverSpec<C, Caller, Deps>): ContractResolver<Deps> {
  const { name, contract, handlers } = spec;
  const isKey = (key: string): key is Extract<keyof C, string> => Object.prototype.hasOwnProperty.call(contract, key);
  return {
    name,
    keys: Object.keys(contract),
    async dispatch(key, payload, call, deps) {
      if (!isKey(key)) return fail('BAD_REQUEST', `Unknown ${name} action ${key.slice(0, 60)}`);
      try {
        const caller = await spec.authorize(call, deps);
        if (!caller.ok) return caller;
        const parsed = contract[key].payload.safeParse(payload ?? {});
        if (!parsed.success) return payloadError(parsed.error);
        // The schema is the contract's own, so its output is the handler's payload type.
        const result = await handlers[key](parsed.data as z.output<C[typeof key]['payload']>, caller.data, deps);
        if (!result.ok) return result;
        const out = contract[key].result.safeParse(result.data);
        if (out.success) return ok(out.data);
        // Paths only: the values may be titles or names the viewer may not see.
        console.error(`${name} ${key}: the answer does not match the contract at ${out.error.issues.map((i) => i.path.join('.')).join(', ')}`);
        return fail('INTERNAL', SHAPE_MESSAGE);
      } catch (e) {
        if (isConsentRequired(e)) throw e;
        // Name and message only: our errors carry field paths and plain words, never stored values or tokens.
        console.error(`${name} ${key} failed: ${e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error'}`);
        const d = describeError(e);
        return fail(d.code, d.code === 'INTERNAL' ? INTERNAL_MESSAGE : d.message);
      }
    },
  };
}
