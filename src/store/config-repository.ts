import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  HOST_DATA_SOURCE_ID,
  dataSourceSchema,
  hostDataSource,
  settingsSchema,
  teammatesDocSchema,
  type DataSource,
  type HostSite,
  type Settings,
  type TeammatesDoc,
} from '../domain/config';
import { ACCESS_LOST_LIMIT, type AccessLost } from '../domain/deletion-evidence';
import { AppError } from '../shared/app-error';
import { confluenceOnJiraSite } from '../shared/credential-site';
import { dataSourceFormat, settingsFormat, teammatesFormat } from './config-formats';
import { KEY, SECRET } from './keys';
import type { KvsPort } from './kvs-port';

export type TokenProduct = 'jira' | 'confluence';

export class MissingCredentialsError extends AppError {
  constructor(readonly dataSourceId: string, readonly product: TokenProduct) {
    super('missing-credentials', `No ${product === 'jira' ? 'Jira' : 'Confluence'} email and API token are stored for this data source: enter them on the admin page`);
  }
}

export const EMPTY_TEAMMATES: TeammatesDoc = { teammates: [], teams: [] };

const dataSourceName = (key: string) => `data source ${key}`;

/**
 * Settings, teammates and data sources: the only reader and writer of the configuration, for
 * the admin page, the sync and the dashboard alike. An absent document reads as its default; a
 * malformed one raises StoredConfigError everywhere, because every reader decides from it who
 * or what is synced and shown. Tokens only ever go to KVS secrets; the data source document
 * records when each was set, so the admin page can say "set on <date>".
 */
export function createConfigRepository(kvs: KvsPort, now: () => Date = () => new Date()) {
  async function getDataSource(id: string): Promise<DataSource | undefined> {
    const key = KEY.dataSource(id);
    const raw = await kvs.get<unknown>(key);
    return raw === undefined ? undefined : dataSourceFormat.decode(raw, dataSourceName(key));
  }

  async function saveDataSource(ds: DataSource): Promise<DataSource> {
    const valid = dataSourceSchema.parse(ds);
    await kvs.set(KEY.dataSource(valid.id), dataSourceFormat.encode(valid));
    return valid;
  }

  async function updateDataSource(id: string, change: (ds: DataSource) => DataSource): Promise<DataSource | undefined> {
    const current = await getDataSource(id);
    if (!current) return undefined;
    return saveDataSource({ ...change(current), updatedAt: now().toISOString() });
  }

  return {
    async getSettings(): Promise<Settings> {
      const raw = await kvs.get<unknown>(KEY.settings);
      return raw === undefined ? DEFAULT_SETTINGS : settingsFormat.decode(raw, 'settings');
    },

    async saveSettings(settings: Settings): Promise<Settings> {
      const valid = settingsSchema.parse(settings);
      await kvs.set(KEY.settings, settingsFormat.encode(valid));
      return valid;
    },

    async getTeammates(): Promise<TeammatesDoc> {
      const raw = await kvs.get<unknown>(KEY.teammates);
      return raw === undefined ? EMPTY_TEAMMATES : teammatesFormat.decode(raw, 'teammates');
    },

    async saveTeammates(doc: TeammatesDoc): Promise<TeammatesDoc> {
      const valid = teammatesDocSchema.parse(doc);
      await kvs.set(KEY.teammates, teammatesFormat.encode(valid));
      return valid;
    },

    getDataSource,
    saveDataSource,

    /**
     * The host site is always a data source; it needs no token. Created on first need from what
     * `discover` learns about the site (src/admin/ensure-host-source.ts asks it).
     */
    async ensureHostDataSource(discover: () => Promise<HostSite>): Promise<DataSource> {
      const existing = await getDataSource(HOST_DATA_SOURCE_ID);
      if (existing) return existing;
      return saveDataSource(hostDataSource(await discover(), now().toISOString()));
    },
    updateDataSource,

    /** Every data source, the host first, then by name. */
    async listDataSources(): Promise<DataSource[]> {
      const out: DataSource[] = [];
      let cursor: string | undefined;
      do {
        const page = await kvs.queryPrefix<unknown>(KEY.dataSourcePrefix, cursor, 20);
        for (const r of page.results) out.push(dataSourceFormat.decode(r.value, dataSourceName(r.key)));
        cursor = page.nextCursor;
      } while (cursor);
      return out.sort((a, b) => (a.id === 'host' ? -1 : b.id === 'host' ? 1 : a.name.localeCompare(b.name)));
    },

    /** Deletes the document and both secrets. Stored activities are the sync's business. */
    async deleteDataSource(id: string): Promise<void> {
      await kvs.deleteSecret(SECRET.jiraToken(id));
      await kvs.deleteSecret(SECRET.confluenceToken(id));
      await kvs.delete(KEY.dataSource(id));
    },

    async setDataSourceToken(id: string, product: TokenProduct, token: string): Promise<DataSource> {
      const clean = z.string().trim().min(1).max(1000).parse(token);
      const ds = await getDataSource(id);
      if (!ds) throw new Error(`Data source ${id} does not exist`);
      await kvs.setSecret(product === 'jira' ? SECRET.jiraToken(id) : SECRET.confluenceToken(id), clean);
      const at = now().toISOString();
      return saveDataSource({
        ...ds,
        ...(product === 'jira' ? { jiraTokenSetAt: at } : { confluenceTokenSetAt: at }),
        updatedAt: at,
      });
    },

    async clearDataSourceToken(id: string, product: TokenProduct): Promise<void> {
      await kvs.deleteSecret(product === 'jira' ? SECRET.jiraToken(id) : SECRET.confluenceToken(id));
      await updateDataSource(id, (ds) => {
        const next = { ...ds };
        if (product === 'jira') delete next.jiraTokenSetAt;
        else delete next.confluenceTokenSetAt;
        return next;
      });
    },

    /**
     * Email and token for calling a product on a data source, read at call time. An empty
     * Confluence email falls back to the Jira one (same Atlassian account); an empty Confluence
     * token falls back to the Jira token only when Confluence is on Jira's site, the one place
     * that decides it (src/shared/credential-site.ts: credentials are bound to their site).
     */
    async getCredentials(id: string, product: TokenProduct): Promise<{ email: string; token: string }> {
      const ds = await getDataSource(id);
      if (!ds) throw new MissingCredentialsError(id, product);
      if (product === 'jira') {
        const jiraToken = await kvs.getSecret(SECRET.jiraToken(id));
        if (!ds.jiraEmail || !jiraToken) throw new MissingCredentialsError(id, product);
        return { email: ds.jiraEmail, token: jiraToken };
      }
      const ownToken = await kvs.getSecret(SECRET.confluenceToken(id));
      const confluenceToken = ownToken || (confluenceOnJiraSite(ds) ? await kvs.getSecret(SECRET.jiraToken(id)) : undefined);
      const email = ds.confluenceEmail || ds.jiraEmail;
      if (!email || !confluenceToken) throw new MissingCredentialsError(id, product);
      return { email, token: confluenceToken };
    },

    async markFailing(id: string, failing: { code: string; message: string }): Promise<void> {
      await updateDataSource(id, (ds) => ({
        ...ds,
        failing: { since: ds.failing?.since ?? now().toISOString(), code: failing.code, message: failing.message },
      }));
    },

    /** What the last deletion sweep could not read; an empty list clears it. */
    async setAccessLost(id: string, containers: AccessLost[], more: number): Promise<void> {
      const ds = await getDataSource(id);
      if (!ds || (!ds.accessLost && containers.length === 0 && more === 0)) return;
      await updateDataSource(id, (d) => {
        const next = { ...d };
        if (containers.length === 0 && more === 0) delete next.accessLost;
        else next.accessLost = { at: now().toISOString(), containers: containers.slice(0, ACCESS_LOST_LIMIT), more };
        return next;
      });
    },

    async clearFailing(id: string): Promise<void> {
      const ds = await getDataSource(id);
      if (!ds?.failing) return;
      await updateDataSource(id, (d) => {
        const next = { ...d };
        delete next.failing;
        return next;
      });
    },
  };
}

export type ConfigRepository = ReturnType<typeof createConfigRepository>;
