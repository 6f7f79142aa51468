import { defineContractResolver } from '../../platform/contract-resolver';
import { adminContract } from '../../shared/admin-contract';
import { adminHandlers } from './handlers';
import { requireJiraAdmin } from './require-admin';

/** The admin page's resolver: Jira administrators only, every key by the admin contract. */
export const adminResolverDefinition = defineContractResolver({
  name: 'admin',
  contract: adminContract,
  authorize: requireJiraAdmin,
  handlers: adminHandlers,
});
