import { searchIssueIds } from '../../sources/jira/search-jql';
import type { StreamPass } from '../../store/cursor-repository';
import type { StreamEnv } from '../stream-env';

/**
 * Where the issues stream stands in its search, so that no issue can be skipped while issues
 * change between pages and between invocations.
 *
 * Offset-style paging (`nextPageToken` over one query) skips an issue whenever an issue already
 * read leaves the result set or moves: everything behind it shifts one place forward, across the
 * page boundary (JRASERVER-69860 shows it with startAt; Atlassian documents no ordering or
 * consistency guarantee for `nextPageToken` either, and no keyset form such as `id > N`). So
 * each page is a fresh query `updated >= <position> ORDER BY updated ASC, key ASC`: `updated`
 * only grows, so an issue not read yet can only stay in the result set or move behind the
 * position, never in front of it. The position is the minute of the newest issue read (JQL
 * date-times go to the minute, "yyyy/MM/dd HH:mm"), so the issues of that minute come back with
 * the next query and are skipped by id (`seen`). Only when a whole page lies in one minute does
 * the stream follow `nextPageToken`, and only within the invocation that got it.
 */
export interface SearchState {
  /** Epoch ms, a whole minute: every matching issue updated before it has been read. */
  position?: number;
  /** Issues read whose `updated` is in the position's minute: the next query returns them again. */
  seen?: string[];
  /** The last search page said more follow it. */
  more?: boolean;
  /** The last page brought the position no further: continue it with its token, if still held. */
  follow?: boolean;
  /** Newest `updated` (ms) read on this page among issues unchanged since the search, and their ids in that minute. */
  reach?: number;
  reachIds?: string[];
  /** When the page being read was searched (epoch ms, this app's clock). */
  searchedAt?: number;
  searched?: boolean;
  /** Ids of the current search page not read yet, in search order. */
  pending?: string[];
}

const MINUTE_MS = 60_000;
/** How far the site's clock may be ahead of ours when a pass has no upper bound. */
const CLOCK_MARGIN_MS = 5 * MINUTE_MS;

export const floorMinute = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

export function searchJql(pass: Pick<StreamPass, 'querySinceMs' | 'untilMs' | 'openEnded'>, position: number): string {
  const upper = pass.openEnded ? '' : ` AND updated < ${Math.floor(pass.untilMs)}`;
  return `updated >= ${position}${upper} ORDER BY updated ASC, key ASC`;
}

/**
 * An issue whose `updated` (read after the search) is before this was not changed since the
 * search, so its value is the one the search ordered it by. Bounded passes: the pass's upper
 * bound (every search of the pass happens after it). Open-ended ones: the search time, less a margin.
 */
export function unchangedBefore(pass: Pick<StreamPass, 'untilMs' | 'openEnded'>, state: SearchState): number {
  return pass.openEnded ? (state.searchedAt ?? 0) - CLOCK_MARGIN_MS : pass.untilMs;
}

/** Records issues read from the current page (their `updated` as read after the search). */
export function noteRead(state: SearchState, read: { id: string; updatedMs: number }[], before: number): void {
  for (const { id, updatedMs } of read) {
    if (!(updatedMs < before)) continue;
    const minute = floorMinute(updatedMs);
    const reachMinute = state.reach === undefined ? undefined : floorMinute(state.reach);
    if (reachMinute === undefined || minute > reachMinute) state.reachIds = [id];
    else if (minute === reachMinute) state.reachIds = [...(state.reachIds ?? []), id];
    if (state.reach === undefined || updatedMs > state.reach) state.reach = updatedMs;
  }
}

/**
 * The page is read: the position moves to the minute of the newest unchanged issue read (every
 * issue ordered before it was on this page or an earlier one). True when the search is done.
 */
export function finishPage(state: SearchState): boolean {
  const position = state.position ?? 0;
  const reached = state.reach === undefined ? position : floorMinute(state.reach);
  if (reached > position) {
    state.position = reached;
    state.seen = state.reachIds ?? [];
    state.follow = false;
  } else {
    state.seen = [...new Set([...(state.seen ?? []), ...(state.reachIds ?? [])])];
    state.follow = true;
  }
  delete state.reach;
  delete state.reachIds;
  return !state.more;
}

/** Search page tokens of one invocation, by query (tokens are never kept across invocations). */
const heldTokens = new WeakMap<object, Map<string, string>>();

/** The search is over: its last page is read. */
export function searchDone(state: SearchState): boolean {
  return state.searched === true && !state.follow && !state.more;
}

/**
 * One search page into `state.pending` (ids not `seen`): a fresh query from the position, or the
 * token this invocation holds when the last page brought no progress. `env.cache` is the
 * invocation's: a later invocation starts again from the position.
 */
export async function searchPage(env: StreamEnv, pass: Pick<StreamPass, 'querySinceMs' | 'untilMs' | 'openEnded'>, state: SearchState): Promise<void> {
  const position = (state.position ??= floorMinute(pass.querySinceMs));
  const jql = searchJql(pass, position);
  let held = heldTokens.get(env.cache);
  if (!held) heldTokens.set(env.cache, (held = new Map()));
  const token = state.follow ? held.get(jql) : undefined;
  state.searchedAt = env.now();
  const page = await searchIssueIds(env.jira!, jql, { nextPageToken: token });
  if (page.nextPageToken) held.set(jql, page.nextPageToken);
  else held.delete(jql);
  state.searched = true;
  state.more = page.nextPageToken !== undefined;
  const seen = new Set(state.seen);
  state.pending = page.ids.filter((id) => !seen.has(id));
}
