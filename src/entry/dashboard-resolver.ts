import { forgeContractResolver } from '../platform/forge-resolver';
import { dashboardResolverDefinition } from './dashboard/definition';
import { composeInsightsDeps } from './insights-compose';

export const dashboardResolver = forgeContractResolver(dashboardResolverDefinition, (call) => composeInsightsDeps(call.siteUrl));
