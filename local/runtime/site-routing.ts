import { GATEWAY_HOST } from '../site/gateway';
import { dnsFailure, EgressPolicy } from './egress';
import type { ForgeTarget } from './global-state';

export interface RealSiteOptions {
  /** e.g. https://acme.atlassian.net */
  url: string;
  email: string;
  token: string;
  /**
   * Send the requests to this base URL instead, with `x-forwarded-host: <host of url>`:
   * lets tests aim "real-site mode" at the site emulator's API-token mode.
   */
  via?: string;
}

export interface SiteRouterOptions {
  originalFetch: typeof fetch;
  /** The site emulator, when sites are emulated. */
  emulatorBaseUrl?: string;
  /** Names of emulated sites (`acme` = acme.atlassian.net); the first is the host site. */
  siteNames: string[];
  realSite?: RealSiteOptions;
  egress: EgressPolicy;
  /** Let plain fetch() reach hosts that are neither emulated nor the real site. */
  allowRealNetwork: boolean;
}

/**
 * Where product and plain-fetch requests go: the site emulator (standing in for the Forge
 * proxy, with `x-forge-identity`) or, in real-site mode, a real site with Basic auth.
 */
export class SiteRouter {
  constructor(private readonly o: SiteRouterOptions) {}

  get hostSiteUrl(): string | undefined {
    if (this.o.realSite) return new URL(this.o.realSite.url).origin;
    return this.o.siteNames[0] ? `https://${this.o.siteNames[0]}.atlassian.net` : undefined;
  }

  /** requestJira / requestConfluence (any provider) and `withContext(...)` calls. */
  async product(target: ForgeTarget, path: string, init: RequestInit | undefined, invokingAccountId: string | undefined): Promise<Response> {
    const headers = new Headers(init?.headers);
    const real = this.o.realSite;
    if (real) {
      const site = new URL(real.url);
      headers.set('authorization', `Basic ${Buffer.from(`${real.email}:${real.token}`).toString('base64')}`);
      if (real.via) headers.set('x-forwarded-host', site.host);
      return this.o.originalFetch(`${(real.via ?? site.origin).replace(/\/$/, '')}${path}`, { ...init, headers });
    }
    const host = this.o.siteNames[0];
    if (!host || !this.o.emulatorBaseUrl) {
      throw new Error(`Forge product request ${path} failed: the local platform has no host site (pass sites: [...] or realSite to startLocalPlatform).`);
    }
    let identity = 'app';
    if (target.provider === 'user') {
      const accountId = target.accountId ?? invokingAccountId;
      // Forge has no user to act as (e.g. asUser() in a scheduled trigger).
      if (!accountId) return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
      identity = `user:${accountId}`;
    }
    headers.set('x-forwarded-host', `${host}.atlassian.net`);
    headers.set('x-forge-identity', identity);
    return this.o.originalFetch(`${this.o.emulatorBaseUrl}${path}`, { ...init, headers });
  }

  /** A plain fetch() by the app: egress-checked, emulated sites served by the emulator. */
  async external(url: URL, init: RequestInit | undefined): Promise<Response> {
    if (!this.o.egress.allows(url)) {
      // Required lazily: @forge/api must not load before the globals are installed.
      const { ExternalEndpointNotAllowedError } = require('@forge/api') as typeof import('@forge/api');
      throw new ExternalEndpointNotAllowedError(url.href);
    }
    // Atlassian's API gateway (scoped API tokens): the emulator finds the site by cloud id.
    if (url.hostname.toLowerCase() === GATEWAY_HOST && this.o.emulatorBaseUrl && !this.o.realSite) {
      const headers = new Headers(init?.headers);
      headers.set('x-forwarded-host', GATEWAY_HOST);
      headers.delete('x-forge-identity');
      return this.o.originalFetch(`${this.o.emulatorBaseUrl}${url.pathname}${url.search}`, { ...init, headers });
    }
    const site = /^([a-z0-9-]+)\.(atlassian\.net|jira\.com)$/i.exec(url.hostname)?.[1]?.toLowerCase();
    if (site && this.o.emulatorBaseUrl && this.o.siteNames.includes(site) && !this.isRealSite(url)) {
      const headers = new Headers(init?.headers);
      headers.set('x-forwarded-host', `${site}.atlassian.net`);
      headers.delete('x-forge-identity');
      return this.o.originalFetch(`${this.o.emulatorBaseUrl}${url.pathname}${url.search}`, { ...init, headers });
    }
    const real = this.o.realSite;
    if (real && this.isRealSite(url)) {
      if (!real.via) return this.o.originalFetch(url.href, init);
      const headers = new Headers(init?.headers);
      headers.set('x-forwarded-host', url.host);
      return this.o.originalFetch(`${real.via.replace(/\/$/, '')}${url.pathname}${url.search}`, { ...init, headers });
    }
    if (this.o.allowRealNetwork) return this.o.originalFetch(url.href, init);
    throw dnsFailure(url);
  }

  private isRealSite(url: URL): boolean {
    return !!this.o.realSite && new URL(this.o.realSite.url).host === url.host;
  }
}
