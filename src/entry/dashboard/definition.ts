import { signedInViewer } from '../../access/signed-in-viewer';
import { exportEvents } from '../../insights/export-events';
import { getDashboardContext } from '../../insights/get-context';
import { getFeed } from '../../insights/get-feed';
import { getSummary } from '../../insights/get-summary';
import type { InsightsDeps } from '../../insights/viewer-session';
import { defineContractResolver } from '../../platform/contract-resolver';
import { dashboardContract } from '../../shared/dashboard-contract';

/** The team dashboard's resolver: signed-in users; each read model decides what they may see. */
export const dashboardResolverDefinition = defineContractResolver({
  name: 'dashboard',
  contract: dashboardContract,
  authorize: signedInViewer('The team dashboard is only shown to signed-in Jira users.'),
  handlers: {
    'dashboard/context': (_p, viewer, deps: InsightsDeps) => getDashboardContext(deps, viewer),
    'dashboard/summary': (p, viewer, deps: InsightsDeps) => getSummary(deps, p, viewer),
    'dashboard/feed': (p, viewer, deps: InsightsDeps) => getFeed(deps, p, viewer),
    'dashboard/export': (p, viewer, deps: InsightsDeps) => exportEvents(deps, p, viewer),
  },
});
