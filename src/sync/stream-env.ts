import type { DataSource } from '../domain/config';
import type { AccessLost } from '../domain/deletion-evidence';
import type { StreamId } from '../domain/stream-id';
import type { TimeWindow } from '../domain/time-window';
import type { ConfluenceSpace } from '../sources/confluence/schemas';
import type { SiteClient } from '../sources/site-client';
import type { ActivityRepository } from '../store/activity-repository';
import type { StreamPass } from '../store/cursor-repository';
import type { TrashedContentRepository } from '../store/trashed-content-repository';
import type { ActivityWriter } from './activity-writer';
import type { AttributionContext } from './attribution/context';
import type { ContentInfo } from './attribution/confluence';
import type { IssueInfo } from './attribution/jira';
import type { SiteClients } from './invocation-clients';
import type { SyncDeps } from './sync-deps';

/** Lookups shared by the streams of one data source within one invocation. */
export interface RunCache {
  issues: Map<string, IssueInfo>;
  spaces: Map<string, ConfluenceSpace>;
  contents: Map<string, ContentInfo | null>;
  statusCategories?: Map<string, string>;
}

export function createRunCache(): RunCache {
  return { issues: new Map(), spaces: new Map(), contents: new Map() };
}

export interface StreamEnv {
  dataSourceId: string;
  jira?: SiteClient;
  confluence?: SiteClient;
  /** Attribution for this pass; its window is the pass's keep window (`keepWindow(pass)`). */
  ctx: AttributionContext;
  writer: ActivityWriter;
  cache: RunCache;
  /** True when the store may hold activities of this source (deletion feeds are worth reading). */
  storeMayHaveData: boolean;
  activities: ActivityRepository;
  /** Content found in the trash (its activity removed), looked up again by later passes. */
  trashed: TrashedContentRepository;
  /** Records the projects and spaces a finished deletion sweep could not read (none clears it). */
  reportAccessLost(containers: AccessLost[], more: number): Promise<void>;
  now(): number;
}

/**
 * What a stream step (or a live event) works with on one data source: the poller and live
 * capture build it alike, so both attribute and write a change the same way.
 */
export function buildStreamEnv(input: {
  ds: DataSource;
  clients: SiteClients;
  teammates: ReadonlyMap<string, string>;
  /** Changes inside it are attributed and (re)written. */
  window: TimeWindow;
  writer: ActivityWriter;
  cache: RunCache;
  storeMayHaveData: boolean;
  deps: Pick<SyncDeps, 'activities' | 'config' | 'trashed' | 'now'>;
}): StreamEnv {
  const { ds, deps } = input;
  const siteUrl = new URL(ds.jiraUrl).origin;
  return {
    dataSourceId: ds.id,
    jira: input.clients.jira,
    confluence: input.clients.confluence,
    ctx: {
      dataSourceId: ds.id,
      siteUrl,
      wikiUrl: (ds.confluenceUrl ?? `${siteUrl}/wiki`).replace(/\/+$/, ''),
      teammates: input.teammates,
      window: input.window,
    },
    writer: input.writer,
    cache: input.cache,
    storeMayHaveData: input.storeMayHaveData,
    activities: deps.activities,
    trashed: deps.trashed,
    reportAccessLost: (containers, more) => deps.config.setAccessLost(ds.id, containers, more),
    now: deps.now,
  };
}

export interface StepResult {
  done: boolean;
  /** Activities computed in this step (stored or unchanged). */
  activities: number;
}

/** One stream: `step` does one page of work and leaves its position in `pass.state`. */
export interface Stream {
  id: StreamId;
  product: 'jira' | 'confluence';
  step(env: StreamEnv, pass: StreamPass): Promise<StepResult>;
}

/** Runs `fn` over items with at most `limit` in flight, keeping the order of results. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return out;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
