import type { CustomUiApp } from './apps';
import { THEME_ATTRIBUTE } from './tokens';

/** What the host pages need to know about the host site. */
export interface HostUser {
  accountId: string;
  displayName: string;
  email?: string;
  timeZone?: string;
  active?: boolean;
  groups?: string[];
}
export interface HostSiteInfo {
  name: string;
  /** The site's address when it is not https://<name>.atlassian.net (a real .jira.com site). */
  url?: string;
  cloudId: string;
  users: HostUser[];
  roles?: { admin: string; teamLead: string; noAccess: string };
}
export type ColorMode = 'light' | 'dark';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside an inline <script>. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function siteUrlOf(site: HostSiteInfo): string {
  return site.url ?? `https://${site.name}.atlassian.net`;
}

export function themeCssLinks(mode: ColorMode): string[] {
  return [mode, 'spacing', 'typography', 'shape'].map((id) => `/__host/tokens/${id}.css`);
}

/** The frame context, as `view.getContext()` returns it inside Jira. */
export function frameContext(site: HostSiteInfo, app: CustomUiApp, user: HostUser, mode: ColorMode): Record<string, unknown> {
  return {
    accountId: user.accountId,
    cloudId: site.cloudId,
    siteUrl: siteUrlOf(site),
    moduleKey: app.moduleKey,
    localId: `${app.moduleKey}-local`,
    extension: { type: app.extensionType },
    theme: { colorMode: mode, dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography', shape: 'shape' },
    locale: 'en-US',
    timezone: user.timeZone ?? 'UTC',
    environmentId: 'local',
    environmentType: 'DEVELOPMENT',
  };
}

/** Puts the bridge shim in front of everything else the built index.html loads. */
export function injectShim(indexHtml: string, shimSource: string, config: unknown): string {
  const tag = `<script data-forge-local-bridge>${shimSource}\n;globalThis.__installLocalForgeBridge(${scriptJson(config)});</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(indexHtml);
  if (head) return indexHtml.slice(0, head.index + head[0].length) + tag + indexHtml.slice(head.index + head[0].length);
  const html = /<html(\s[^>]*)?>/i.exec(indexHtml);
  if (html) return indexHtml.slice(0, html.index + html[0].length) + `<head>${tag}</head>` + indexHtml.slice(html.index + html[0].length);
  return `<head>${tag}</head>` + indexHtml;
}

function themedHead(title: string, mode: ColorMode): string {
  const links = themeCssLinks(mode).map((h) => `<link rel="stylesheet" href="${h}">`).join('');
  return `<!doctype html><html lang="en" data-color-mode="${mode}" data-theme="${THEME_ATTRIBUTE}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${links}
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--ds-surface,#fff);color:var(--ds-text,#292A2E)}
a{color:var(--ds-link,#1868DB)} header{display:flex;gap:16px;align-items:center;padding:8px 16px;
border-bottom:1px solid var(--ds-border,#ddd);background:var(--ds-surface-sunken,#f8f8f8)} header .grow{flex:1}
main{padding:24px;max-width:960px} table{border-collapse:collapse} td,th{padding:8px 12px;text-align:left;
border-bottom:1px solid var(--ds-border,#ddd)} code{background:var(--ds-background-neutral,#eee);padding:0 4px;border-radius:3px}
</style></head>`;
}

function frameQuery(accountId: string, mode: ColorMode): string {
  return `as=${encodeURIComponent(accountId)}&theme=${mode}`;
}

/** GET /: pick who you are, which page and which theme. */
export function chooserPage(site: HostSiteInfo, apps: CustomUiApp[], mode: ColorMode): string {
  const byId = new Map(site.users.map((u) => [u.accountId, u]));
  const rows: Array<{ role: string; user: HostUser }> = [];
  if (site.roles) {
    const roleNames: Array<[keyof NonNullable<HostSiteInfo['roles']>, string]> = [
      ['admin', 'Jira admin'],
      ['teamLead', 'Team lead'],
      ['noAccess', 'No dashboard access'],
    ];
    for (const [k, label] of roleNames) {
      const u = byId.get(site.roles[k]);
      if (u) rows.push({ role: label, user: u });
    }
  }
  if (rows.length === 0) for (const u of site.users.filter((x) => x.active !== false).slice(0, 5)) rows.push({ role: 'User', user: u });
  const links = (u: HostUser): string =>
    apps
      .map((a) => {
        const both = (['light', 'dark'] as const)
          .map((m) => `<a href="/app/${a.name}?${frameQuery(u.accountId, m)}" data-app="${a.name}" data-theme-mode="${m}">${m}</a>`)
          .join(' · ');
        return `${escapeHtml(a.title)} ${escapeHtml(a.name)} page: ${both}`;
      })
      .join('<br>');
  const body = rows
    .map(
      (r) => `<tr data-account-id="${escapeHtml(r.user.accountId)}"><th scope="row">${escapeHtml(r.role)}</th>
<td>${escapeHtml(r.user.displayName)}<br><small>${escapeHtml(r.user.email ?? r.user.accountId)}</small></td><td>${links(r.user)}</td></tr>`,
    )
    .join('');
  return `${themedHead('ActivityPulse — local Jira', mode)}<body>
<header><strong>Local Jira</strong><span>${escapeHtml(siteUrlOf(site))}</span><span class="grow"></span>
<a href="/?theme=${mode === 'light' ? 'dark' : 'light'}">${mode === 'light' ? 'Dark' : 'Light'} theme</a></header>
<main><h1>Who are you?</h1>
<p>This is the local Forge platform: the app runs against an emulated site. Pick a user to open a page as them.</p>
<table><thead><tr><th>Role</th><th>User</th><th>Open</th></tr></thead><tbody>${body}</tbody></table>
<p>Browser tests open a frame directly: <code>/frame/&lt;app&gt;?as=&lt;accountId&gt;&amp;theme=light|dark</code>.</p>
</main></body></html>`;
}

/** GET /app/<app>: a Jira-like page that frames the app, as Jira does. */
export function appPage(site: HostSiteInfo, app: CustomUiApp, apps: CustomUiApp[], user: HostUser, mode: ColorMode): string {
  const q = frameQuery(user.accountId, mode);
  const other = mode === 'light' ? 'dark' : 'light';
  const nav = apps
    .map((a) => (a.name === app.name ? `<strong>${escapeHtml(a.title)} (${a.name})</strong>` : `<a href="/app/${a.name}?${q}">${escapeHtml(a.title)} (${a.name})</a>`))
    .join(' ');
  return `${themedHead(`${app.title} — local Jira`, mode)}<body style="display:flex;flex-direction:column;height:100vh">
<header><strong>Local Jira</strong>${nav}<span class="grow"></span>
<span>${escapeHtml(user.displayName)}</span><a href="/app/${app.name}?${frameQuery(user.accountId, other)}" id="theme-toggle">${other} theme</a>
<a href="/?theme=${mode}">Switch user</a></header>
<iframe id="forge-app" title="${escapeHtml(app.title)}" style="flex:1;border:0;width:100%" src="/frame/${app.name}/?${q}"></iframe>
<script>
(function(){var f=document.getElementById('forge-app');var base=f.getAttribute('src');
if(location.hash.length>1){f.setAttribute('src',base+location.hash);}
var t=document.getElementById('theme-toggle');t.addEventListener('click',function(){t.href=t.href.split('#')[0]+location.hash;});
window.addEventListener('message',function(e){if(e.origin!==location.origin||!e.data||e.data.type!=='forge-local-route')return;
history.replaceState(null,'',location.pathname+location.search+'#'+e.data.route);});})();
</script></body></html>`;
}
