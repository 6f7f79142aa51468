import type { DataSource } from '../domain/config';
import type { Product, SiteClient } from '../sources/site-client';
import type { ConfigRepository } from '../store/config-repository';
import type { PurgeResult } from '../privacy/purge-activities';
import type { SyncPort } from './sync-port';

/** What the admin use cases need from the outside world; entry/admin/compose.ts wires the real ones. */
export interface AdminDeps {
  config: ConfigRepository;
  /** The client for one product of a data source, or undefined when the source has no such product. */
  clientFor(ds: DataSource, product: Product): SiteClient | undefined;
  /** The host site's Jira, called as the app (user search, groups, the admin check). */
  hostJira(): SiteClient;
  /** The host site's Jira as the user who invoked the resolver (the admin check). */
  hostJiraAsCaller(): SiteClient;
  sync: SyncPort;
  /**
   * Deletes a teammate's stored activities and recounts their rollup weeks, within the
   * invocation's time (done = false when some remain). Absent where no activity store exists.
   */
  purgeTeammateActivities?(teammateId: string): Promise<PurgeResult>;
  now(): Date;
  newId(prefix: string): string;
}
