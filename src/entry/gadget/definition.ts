import { signedInViewer } from '../../access/signed-in-viewer';
import { getGadgetOptions } from '../../insights/gadget-options';
import { getGadgetSummary } from '../../insights/gadget-summary';
import type { InsightsDeps } from '../../insights/viewer-session';
import { defineContractResolver } from '../../platform/contract-resolver';
import { gadgetContract } from '../../shared/gadget-contract';

/** The Jira dashboard gadget's resolver: counts only, for the same viewers as the dashboard. */
export const gadgetResolverDefinition = defineContractResolver({
  name: 'gadget',
  contract: gadgetContract,
  authorize: signedInViewer('Team activity is only shown to signed-in Jira users.'),
  handlers: {
    'gadget/summary': (p, viewer, deps: InsightsDeps) => getGadgetSummary(deps, p, viewer),
    'gadget/options': (_p, viewer, deps: InsightsDeps) => getGadgetOptions(deps, viewer),
  },
});
