import { z } from 'zod';
import { KEY } from './keys';
import type { KvsPort } from './kvs-port';
import { reportMalformed, StoredDataError } from './stored-errors';
import { defineFormat, zodReader } from './stored-format';

/**
 * What a viewer may see on the host site, as the host site answered. Cached in KVS
 * (perm:<accountId>:host) with a short TTL, because permission checks are costly under the
 * points quota and the dashboard asks on every view. Projects and spaces are checked lazily,
 * only the ones that have activity on screen, and remembered per id.
 */
export const viewerPermissionsSchema = z.object({
  checkedAt: z.string().datetime(),
  groups: z.array(z.object({ name: z.string(), groupId: z.string().optional() })),
  /** Holds the global "Administer Jira" permission. */
  isJiraAdmin: z.boolean(),
  /** Host project id → may browse. */
  projects: z.record(z.string(), z.boolean()),
  /** Host space id → may view. */
  spaces: z.record(z.string(), z.boolean()),
});
export type ViewerPermissions = z.infer<typeof viewerPermissionsSchema>;

const permissionsFormat = defineFormat<ViewerPermissions>({
  readers: { 1: zodReader(viewerPermissionsSchema, (p) => p) },
  write: (p) => viewerPermissionsSchema.parse(p),
});

/** The only scope so far: the host site's answers. */
const SCOPE = 'host';
/** KVS answers at most 20 plain keys per query. */
const PREFIX_PAGE = 20;

export function createPermissionCacheRepository(kvs: KvsPort) {
  return {
    /** The cached answers; an entry that does not decode is a miss (and reported). */
    async get(accountId: string): Promise<ViewerPermissions | undefined> {
      const key = KEY.permissionCache(accountId, SCOPE);
      const raw = await kvs.get<unknown>(key);
      if (raw === undefined) return undefined;
      try {
        return permissionsFormat.decode(raw, `permission cache ${key}`);
      } catch (e) {
        if (!(e instanceof StoredDataError)) throw e;
        reportMalformed(e, 'asked the host again');
        return undefined;
      }
    },

    set(accountId: string, perms: ViewerPermissions, ttlSeconds: number): Promise<void> {
      return kvs.set(KEY.permissionCache(accountId, SCOPE), permissionsFormat.encode(perms), { ttlSeconds });
    },

    /** Deletes every cached answer about a viewer; returns how many entries there were. */
    async deleteForAccount(accountId: string): Promise<number> {
      const prefix = KEY.permissionCache(accountId, '');
      let deleted = 0;
      // Each pass deletes what the first page shows, so the next pass starts from the top again.
      for (;;) {
        const page = await kvs.queryPrefix<unknown>(prefix, undefined, PREFIX_PAGE);
        for (const r of page.results) await kvs.delete(r.key);
        deleted += page.results.length;
        if (!page.nextCursor || page.results.length === 0) return deleted;
      }
    },
  };
}
export type PermissionCacheRepository = ReturnType<typeof createPermissionCacheRepository>;
