import Resolver from '@forge/resolver';
import { ADMIN_KEYS } from '../shared/admin-contract';
import { composeAdminDeps } from './admin/compose';
import { dispatchAdminCall } from './admin/dispatch';

/** The admin page's resolver: every key goes through the admin check and the contract. */
const resolver = new Resolver();
for (const key of ADMIN_KEYS) {
  resolver.define(key, ({ payload, context }) => {
    const accountId = typeof context.accountId === 'string' ? context.accountId : undefined;
    const siteUrl = typeof context.siteUrl === 'string' ? context.siteUrl : undefined;
    return dispatchAdminCall(key, payload, { accountId, siteUrl }, composeAdminDeps(siteUrl));
  });
}

export const adminResolver = resolver.getDefinitions();
