import type { SyncRunView } from '../../../../src/shared/admin-contract';

const STREAM_NAMES: Record<string, string> = {
  'jira-issues': 'Jira issues',
  'jira-worklogs': 'Jira worklogs',
  'confluence-content': 'Confluence pages',
  'confluence-comments': 'Confluence comments',
  sweep: 'Deletion check',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * How far a run is, 0..100: finished streams count whole, the one being read counts more with
 * every page it reads (it never knows its page count ahead, so it nears its share without
 * reaching it), so the bar moves as the run does.
 */
export function runPercent(run: SyncRunView): number {
  const streams = run.streams ?? [];
  if (streams.length === 0) return Math.round((run.progress.streamsDone / Math.max(1, run.progress.streamsTotal)) * 100);
  const share = streams.reduce((sum, s) => {
    if (s.status === 'done' || s.status === 'skipped' || s.status === 'failed') return sum + 1;
    if (s.status === 'running') return sum + s.pages / (s.pages + 2);
    return sum;
  }, 0);
  return Math.min(100, Math.round((share / streams.length) * 100));
}

/** The streams read so far and the one being read, each with its pages and activities. */
export function RunStreams({ run }: { run: SyncRunView }) {
  const lines = (run.streams ?? []).filter((s) => s.status === 'running' || s.status === 'done' || s.status === 'failed');
  if (lines.length === 0) return null;
  return (
    <ul className="subtlest" data-testid="run-streams">
      {lines.map((s) => (
        <li key={s.id}>
          {STREAM_NAMES[s.id] ?? s.id}: {plural(s.pages, 'page', 'pages')}, {plural(s.activities, 'activity', 'activities')}
          {s.status === 'running' ? ' (reading)' : s.status === 'failed' ? ' (failed)' : ''}
        </li>
      ))}
    </ul>
  );
}
