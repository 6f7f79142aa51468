import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  HOST_DATA_SOURCE_ID,
  dataSourceSchema,
  settingsSchema,
  teammatesDocSchema,
  type DataSource,
  type Settings,
  type TeammatesDoc,
} from '../domain/config';
import { AppError } from '../shared/app-error';
import { KEY, SECRET } from './keys';
import type { KvsPort } from './kvs-port';

export type TokenProduct = 'jira' | 'confluence';

export class MissingCredentialsError extends AppError {
  constructor(readonly dataSourceId: string, readonly product: TokenProduct) {
    super('missing-credentials', `No ${product === 'jira' ? 'Jira' : 'Confluence'} email and API token are stored for this data source: enter them on the admin page`);
  }
}

const EMPTY_TEAMMATES: TeammatesDoc = { v: 1, teammates: [], teams: [] };

/**
 * Settings, teammates and data sources. Tokens only ever go to KVS secrets; the data source
 * document records when each was set, so the admin page can say "set on <date>".
 */
export function createConfigRepository(kvs: KvsPort, now: () => Date = () => new Date()) {
  async function getDataSource(id: string): Promise<DataSource | undefined> {
    const raw = await kvs.get(KEY.dataSource(id));
    if (raw === undefined) return undefined;
    const parsed = dataSourceSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }

  async function saveDataSource(ds: DataSource): Promise<DataSource> {
    const valid = dataSourceSchema.parse(ds);
    await kvs.set(KEY.dataSource(valid.id), valid);
    return valid;
  }

  async function updateDataSource(id: string, change: (ds: DataSource) => DataSource): Promise<DataSource | undefined> {
    const current = await getDataSource(id);
    if (!current) return undefined;
    return saveDataSource({ ...change(current), updatedAt: now().toISOString() });
  }

  return {
    async getSettings(): Promise<Settings> {
      const raw = await kvs.get<Record<string, unknown>>(KEY.settings);
      if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
      const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...raw });
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    },

    async saveSettings(settings: Settings): Promise<Settings> {
      const valid = settingsSchema.parse(settings);
      await kvs.set(KEY.settings, valid);
      return valid;
    },

    async getTeammates(): Promise<TeammatesDoc> {
      const raw = await kvs.get(KEY.teammates);
      if (raw === undefined) return EMPTY_TEAMMATES;
      const parsed = teammatesDocSchema.safeParse(raw);
      if (!parsed.success) throw new Error('The stored teammates document is not valid');
      return parsed.data;
    },

    async saveTeammates(doc: TeammatesDoc): Promise<TeammatesDoc> {
      const valid = teammatesDocSchema.parse(doc);
      await kvs.set(KEY.teammates, valid);
      return valid;
    },

    getDataSource,
    saveDataSource,

    /**
     * The host site is always a data source; it needs no token. Created on first sight of the
     * site URL (the admin page's context, or the sync asking the site).
     */
    async ensureHostDataSource(siteUrl: string): Promise<DataSource> {
      const existing = await getDataSource(HOST_DATA_SOURCE_ID);
      if (existing) return existing;
      const origin = new URL(siteUrl).origin;
      const at = now().toISOString();
      return saveDataSource({
        id: HOST_DATA_SOURCE_ID,
        kind: 'host',
        name: new URL(origin).hostname,
        enabled: true,
        jiraUrl: origin,
        confluenceUrl: `${origin}/wiki`,
        createdAt: at,
        updatedAt: at,
      });
    },
    updateDataSource,

    async listDataSources(): Promise<DataSource[]> {
      const out: DataSource[] = [];
      let cursor: string | undefined;
      do {
        const page = await kvs.queryPrefix<unknown>(KEY.dataSourcePrefix, cursor, 20);
        for (const r of page.results) {
          const parsed = dataSourceSchema.safeParse(r.value);
          if (parsed.success) out.push(parsed.data);
        }
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
     * Confluence email or token falls back to the Jira one (same Atlassian account).
     */
    async getCredentials(id: string, product: TokenProduct): Promise<{ email: string; token: string }> {
      const ds = await getDataSource(id);
      if (!ds) throw new MissingCredentialsError(id, product);
      const jiraToken = await kvs.getSecret(SECRET.jiraToken(id));
      if (product === 'jira') {
        if (!ds.jiraEmail || !jiraToken) throw new MissingCredentialsError(id, product);
        return { email: ds.jiraEmail, token: jiraToken };
      }
      const confluenceToken = (await kvs.getSecret(SECRET.confluenceToken(id))) || jiraToken;
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
