import Resolver from '@forge/resolver';
import { DASHBOARD_KEYS } from '../shared/dashboard-contract';
import { composeInsightsDeps } from './dashboard/compose';
import { dispatchDashboardCall } from './dashboard/dispatch';

/** The team dashboard's resolver: every key checks the viewer's access and parses its payload. */
const resolver = new Resolver();
for (const key of DASHBOARD_KEYS) {
  resolver.define(key, ({ payload, context }) => {
    const accountId = typeof context.accountId === 'string' ? context.accountId : undefined;
    const siteUrl = typeof context.siteUrl === 'string' ? context.siteUrl : undefined;
    return dispatchDashboardCall(key, payload, { accountId }, composeInsightsDeps(siteUrl));
  });
}

export const dashboardResolver = resolver.getDefinitions();
