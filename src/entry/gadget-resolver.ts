import { forgeContractResolver } from '../platform/forge-resolver';
import { gadgetResolverDefinition } from './gadget/definition';
import { composeInsightsDeps } from './insights-compose';

export const gadgetResolver = forgeContractResolver(gadgetResolverDefinition, (call) => composeInsightsDeps(call.siteUrl));
