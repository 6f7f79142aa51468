/**
 * Credentials are bound to the site they were entered for. An API token is sent only to the site
 * named by the address it was saved with: when anything that decides where a product's token
 * goes changes (today the host of the product's address), the saved token is deleted and a new
 * one must be entered. The Jira token stands in for Confluence only on Jira's own site.
 *
 * Shared by the backend, which enforces the rule (src/admin/data-source-service.ts on save,
 * src/store/config-repository.ts when credentials are read), and the admin form, which asks for
 * the token as soon as the typed address names another site than the saved one.
 */
export type CredentialProduct = 'jira' | 'confluence';

/** What decides where a data source's tokens are sent. */
export interface CredentialTarget {
  jiraUrl: string;
  confluenceUrl?: string;
  /**
   * A scoped token goes to Atlassian's API gateway for the site's cloud id instead of the site
   * itself: the kind and the cloud id bind the token as much as the host does. Absent: classic.
   */
  tokenKind?: 'classic' | 'scoped';
  cloudId?: string;
}

/**
 * The host an address names, lower-cased, read leniently so the form can compare what is being
 * typed (`globex.atlassian.net/browse/X-1`); undefined for an empty address.
 */
export function siteHost(address: string | undefined): string | undefined {
  const m = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]*)/i.exec(address ?? '');
  const host = m?.[1].toLowerCase().replace(/\.+$/, '');
  return host ? host : undefined;
}

/** The site a product's token is bound to, or undefined when the source has no such product. */
export function credentialSite(t: CredentialTarget, product: CredentialProduct): string | undefined {
  const host = siteHost(product === 'jira' ? t.jiraUrl : t.confluenceUrl);
  if (host === undefined || t.tokenKind !== 'scoped') return host;
  return `${host} (scoped token, cloud id ${t.cloudId?.toLowerCase() ?? 'unknown'})`;
}

/** Why a saved token may not be sent any more, for the admin (undefined: it may). */
export function whyTokenAgain(before: CredentialTarget, after: CredentialTarget, product: CredentialProduct): string | undefined {
  if (credentialsStayBound(before, after, product)) return undefined;
  const hostOf = (t: CredentialTarget) => siteHost(product === 'jira' ? t.jiraUrl : t.confluenceUrl);
  if (hostOf(before) !== hostOf(after)) return 'the site changed';
  if ((before.tokenKind ?? 'classic') !== (after.tokenKind ?? 'classic')) return 'the token kind changed';
  return 'the site has another cloud id than when the token was saved';
}

/** Whether a token saved for `before` may still be sent once `after` is saved. */
export function credentialsStayBound(before: CredentialTarget, after: CredentialTarget, product: CredentialProduct): boolean {
  const was = credentialSite(before, product);
  return was !== undefined && was === credentialSite(after, product);
}

/** Whether Confluence may use the Jira email and token: only when it is on Jira's site. */
export function confluenceOnJiraSite(t: CredentialTarget): boolean {
  const wiki = credentialSite(t, 'confluence');
  return wiki !== undefined && wiki === credentialSite(t, 'jira');
}
