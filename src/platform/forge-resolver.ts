import Resolver from '@forge/resolver';
import type { CallContext, ContractResolver } from './contract-resolver';

type Definitions = ReturnType<Resolver['getDefinitions']>;
type MethodHandler = (request: { payload: unknown; context: CallContext }) => Promise<unknown>;

/**
 * A @forge/resolver function from named methods. Forge hands over `context` as loose JSON;
 * only the two fields the app reads are passed on, and only when they are strings.
 */
export function forgeResolverOf(methods: Record<string, MethodHandler>): Definitions {
  const resolver = new Resolver();
  for (const [key, handler] of Object.entries(methods)) {
    resolver.define(key, ({ payload, context }) =>
      handler({
        payload,
        context: {
          ...(typeof context.accountId === 'string' ? { accountId: context.accountId } : {}),
          ...(typeof context.siteUrl === 'string' ? { siteUrl: context.siteUrl } : {}),
        },
      }),
    );
  }
  return resolver.getDefinitions();
}

/** A contract resolver as the Forge function the manifest names; `compose` wires its dependencies per call. */
export function forgeContractResolver<Deps>(resolver: ContractResolver<Deps>, compose: (call: CallContext) => Deps): Definitions {
  return forgeResolverOf(
    Object.fromEntries(resolver.keys.map((key) => [key, ({ payload, context }) => resolver.dispatch(key, payload, context, compose(context))])),
  );
}
