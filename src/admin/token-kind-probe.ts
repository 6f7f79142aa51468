import type { DataSource } from '../domain/config';
import { getCurrentUser } from '../sources/confluence/get-current-user';
import { TokenScopeError } from '../sources/errors';
import { getMyself } from '../sources/jira/get-myself';
import type { Product, SiteClient } from '../sources/site-client';
import type { AdminDeps } from './deps';

/** Who the client signs in as: Jira's /myself or Confluence's current user. */
export async function whoAmI(product: Product, client: SiteClient): Promise<{ accountId: string; displayName?: string; email?: string }> {
  if (product === 'jira') {
    const me = await getMyself(client);
    return { accountId: me.accountId, ...(me.displayName ? { displayName: me.displayName } : {}), ...(me.emailAddress ? { email: me.emailAddress } : {}) };
  }
  const me = await getCurrentUser(client);
  return { accountId: me.accountId, ...(me.displayName ? { displayName: me.displayName } : {}), ...(me.email ? { email: me.email } : {}) };
}

/**
 * After a 401, whether the saved token is of the other kind. A site answers a scoped token with
 * the same 401 as a wrong one (Atlassian: "there is no way to distinguish them just from the token
 * itself", https://support.atlassian.com/atlassian-cloud/kb/401-unauthorized-error-when-service-account-accesses-jira-or-confluence-api),
 * so the only way to tell is to sign in the other way: a classic source's token through the API
 * gateway for the cloud id its own site publishes, a scoped source's token on its own site. Either
 * way the token goes only to that same site's Atlassian APIs, and only when an admin asks for a
 * test. A gateway scope refusal also proves the token is scoped.
 */
export async function signsInAsOtherKind(deps: Pick<AdminDeps, 'clientFor' | 'cloudIdOf'>, product: Product, ds: DataSource): Promise<boolean> {
  if (ds.kind !== 'cloud') return false;
  let other: DataSource;
  if (ds.tokenKind === 'scoped') {
    other = { ...ds, tokenKind: 'classic' };
    delete other.cloudId;
  } else {
    try {
      other = { ...ds, tokenKind: 'scoped', cloudId: await deps.cloudIdOf(new URL(ds.jiraUrl).origin) };
    } catch {
      return false;
    }
  }
  const client = deps.clientFor(other, product);
  if (!client) return false;
  try {
    await whoAmI(product, client);
    return true;
  } catch (e) {
    return e instanceof TokenScopeError;
  }
}
