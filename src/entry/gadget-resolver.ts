import Resolver from '@forge/resolver';
import { gadgetContract, type GadgetResolverKey } from '../shared/gadget-contract';
import { composeInsightsDeps } from './dashboard/compose';
import { dispatchGadgetCall } from './gadget/dispatch';

/** The Jira dashboard gadget's resolver: counts for the UI Kit views, same access as the dashboard. */
const resolver = new Resolver();
for (const key of Object.keys(gadgetContract) as GadgetResolverKey[]) {
  resolver.define(key, ({ payload, context }) => {
    const accountId = typeof context.accountId === 'string' ? context.accountId : undefined;
    const siteUrl = typeof context.siteUrl === 'string' ? context.siteUrl : undefined;
    return dispatchGadgetCall(key, payload, { accountId }, composeInsightsDeps(siteUrl));
  });
}

export const gadgetResolver = resolver.getDefinitions();
