/**
 * Backend egress check like Forge's: host-only matching of `permissions.external.fetch.backend`
 * entries; `*.example.com` allows any subdomain of example.com, `*` allows everything.
 */
export class EgressPolicy {
  private readonly exact = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly all: boolean;

  constructor(entries: string[]) {
    let all = false;
    for (const raw of entries) {
      const host = hostOf(raw.trim());
      if (host === '*') all = true;
      else if (host.startsWith('*.')) this.suffixes.push(host.slice(1));
      else if (host) this.exact.add(host);
    }
    this.all = all;
  }

  allows(url: URL): boolean {
    const host = url.hostname.toLowerCase();
    return this.all || this.exact.has(host) || this.suffixes.some((s) => host.endsWith(s) && host.length > s.length);
  }
}

function hostOf(entry: string): string {
  const withoutScheme = entry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return withoutScheme.split('/')[0].split(':')[0].toLowerCase();
}

/** The DNS-failure error undici's fetch gives for an unknown host. */
export function dnsFailure(url: URL): TypeError {
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname: url.hostname,
  });
  return new TypeError('fetch failed', { cause });
}
