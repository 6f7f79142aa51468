import type { ConfluenceConnection } from '../domain/app-installation';
import type { DataSource } from '../domain/config';
import type { Product, SiteClient } from '../sources/site-client';
import type { ConfigRepository } from '../store/config-repository';
import type { PurgeJobs } from '../privacy/purge-jobs';
import type { SyncPort } from './sync-port';

/** What the admin use cases need from the outside world; entry/admin/compose.ts wires the real ones. */
export interface AdminDeps {
  config: ConfigRepository;
  /** The client for one product of a data source, or undefined when the source has no such product. */
  clientFor(ds: DataSource, product: Product): SiteClient | undefined;
  /** A site's cloud id from its public tenant info (no credentials sent), for a scoped token. */
  cloudIdOf(siteOrigin: string): Promise<string>;
  /** The host site's Jira, called as the app (user search, groups, the admin check). */
  hostJira(): SiteClient;
  /** The host site's Jira as the user who invoked the resolver (the admin check). */
  hostJiraAsCaller(): SiteClient;
  sync: SyncPort;
  /** Whether the installation is connected to the host site's Confluence; absent = 'unknown'. */
  hostConfluence?(): ConfluenceConnection;
  /** Purges of stored activities that resume by themselves. Absent where no activity store exists. */
  purges?: Pick<PurgeJobs, 'start' | 'list'>;
  now(): Date;
  newId(prefix: string): string;
}
