import { forgeContractResolver } from '../platform/forge-resolver';
import { composeAdminDeps } from './admin/compose';
import { adminResolverDefinition } from './admin/definition';

export const adminResolver = forgeContractResolver(adminResolverDefinition, (call) => composeAdminDeps(call.siteUrl));
