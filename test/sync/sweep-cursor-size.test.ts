import type { Activity } from '../../src/domain/activity';
import { activityId } from '../../src/domain/activity';
import type { SiteClient, SiteResponse } from '../../src/sources/site-client';
import { cursorSchema } from '../../src/store/cursor-repository';
import { createTrashedContentRepository } from '../../src/store/trashed-content-repository';
import type { ActivityWriter } from '../../src/sync/activity-writer';
import { planSweep } from '../../src/sync/pass-planner';
import { createRunCache, type StreamEnv } from '../../src/sync/stream-env';
import { deletionSweepStream } from '../../src/sync/streams/deletion-sweep';
import { generateActivity } from '../dashboard/helpers/activities';
import { startSeededPlatform, type SeededPlatform } from '../helpers/seeded-platform';
import { siteEndingNow } from './helpers';

jest.setTimeout(600_000);

/** Forge KVS: a value is at most 240 KiB (developer.atlassian.com, storage limits). */
const KVS_VALUE_LIMIT = 240 * 1024;
const ISSUES = 50_000;
const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

/** Stored activity of a 50,000-issue source: each issue's creation, every third with a comment. */
function storedState(): Activity[] {
  const out: Activity[] = [];
  const start = Date.parse('2026-09-01T00:00:00.000Z');
  for (let i = 0; i < ISSUES; i++) {
    const id = String(100_000 + i);
    const key = `BIG-${i + 1}`;
    const at = new Date(start + i * 150_000).toISOString();
    const base = { dataSourceId: 'big', at, container: { type: 'project' as const, id: '10000', key: 'BIG', name: 'Big' }, entity: { type: 'issue' as const, id, key, title: `Issue ${i}` } };
    out.push(generateActivity({ ...base, kind: 'jira.issue.created', id: activityId.issueCreated('big', id) }));
    if (i % 3 === 0) {
      const commentId = String(500_000 + i);
      out.push(generateActivity({ ...base, kind: 'jira.comment', id: activityId.commentCreated('big', commentId), details: { action: 'created', commentId } }));
    }
  }
  return out;
}

/** The sweep's to-do list as the old cursor held it: every issue with its stored comment activity ids. */
function oldLayoutState(acts: Activity[]): Record<string, unknown> {
  const issues = new Map<string, [string, string, Record<string, string[]>]>();
  for (const a of acts) {
    const entry = issues.get(a.entity.id) ?? [a.entity.id, a.entity.key, {}];
    if (a.kind === 'jira.comment' && a.details.commentId) (entry[2][a.details.commentId] ??= []).push(a.id);
    issues.set(a.entity.id, entry);
  }
  return { loaded: true, issues: [...issues.values()], contents: [], comments: [] };
}

/** A Jira that still has every issue and comment: bulkfetch answers from the ids asked for. */
function everythingPresent(acts: Activity[], asked: Set<string>): SiteClient {
  const comments = new Map(acts.filter((a) => a.details.commentId).map((a) => [a.entity.id, a.details.commentId!]));
  const ok = (body: unknown): SiteResponse => ({ status: 200, headers: { get: () => null }, json: async () => body, text: async () => JSON.stringify(body) });
  return {
    dataSourceId: 'big',
    product: 'jira',
    baseUrl: 'https://big.atlassian.net',
    async request(method, path, body) {
      if (method !== 'POST' || path !== '/rest/api/3/issue/bulkfetch') throw new Error(`unexpected ${method} ${path}`);
      const ids = (body as { issueIdsOrKeys: string[] }).issueIdsOrKeys;
      for (const id of ids) asked.add(id);
      const issues = ids.map((id) => {
        const c = comments.get(id);
        const list = c ? [{ id: c, created: '2026-09-01T00:00:00.000+0000' }] : [];
        return { id, key: `BIG-${Number(id) - 99_999}`, fields: { summary: 's', created: '2026-09-01T00:00:00.000+0000', project: { id: '10000', key: 'BIG', name: 'Big' }, comment: { comments: list, total: list.length } } };
      });
      return ok({ issues, issueErrors: [] });
    },
  };
}

describe('the deletion sweep cursor on a 50,000-issue source', () => {
  let seeded: SeededPlatform;
  const acts = storedState();

  beforeAll(async () => {
    seeded = await startSeededPlatform({ sites: [siteEndingNow({ seed: 71, issues: 5, pages: 0, users: 4 })] });
    await seeded.activities.upsertMany(acts);
  });
  afterAll(() => seeded.platform.close());

  it('stays far under the KVS value limit at every step, where the old to-do list did not fit', async () => {
    const oldBytes = bytes(cursorSchema.parse({ v: 1, pass: { ...planSweep({ v: 1 }, 'run', Date.now()), state: oldLayoutState(acts) } }));
    expect(oldBytes).toBeGreaterThan(KVS_VALUE_LIMIT);

    const asked = new Set<string>();
    const deleted: string[] = [];
    const env: StreamEnv = {
      dataSourceId: 'big',
      jira: everythingPresent(acts, asked),
      ctx: { dataSourceId: 'big', siteUrl: 'https://big.atlassian.net', wikiUrl: 'https://big.atlassian.net/wiki', teammates: new Map(), window: { sinceMs: 0, untilMs: Date.now() } },
      writer: { apply: async (_up: Activity[], ids: string[] = []) => void deleted.push(...ids) } as unknown as ActivityWriter,
      cache: createRunCache(),
      storeMayHaveData: true,
      activities: seeded.activities,
      trashed: createTrashedContentRepository(seeded.kvs),
      reportAccessLost: async () => undefined,
      now: () => Date.now(),
    };
    const pass = planSweep({ v: 1 }, 'run', Date.now());
    let steps = 0;
    let largest = 0;
    for (let done = false; !done; steps++) {
      done = (await deletionSweepStream.step(env, pass)).done;
      // What the runner saves after every page: the cursor with the pass and its state.
      largest = Math.max(largest, bytes(cursorSchema.parse({ v: 1, pass })));
    }
    process.stdout.write(`sweep cursor on ${ISSUES} issues (${acts.length} activities): old layout ${oldBytes} bytes; new: largest ${largest} bytes over ${steps} steps (limit ${KVS_VALUE_LIMIT})\n`);
    expect(largest).toBeLessThan(2 * 1024);
    expect(asked.size).toBe(ISSUES);
    expect(deleted).toEqual([]);
    expect(steps).toBeGreaterThan(50);
  });
});
