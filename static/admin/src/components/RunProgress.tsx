import { useEffect, useRef, useState } from 'react';
import type { SyncRunView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { formatDuration } from '../format';

const OUTCOME: Record<SyncRunView['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  partial: 'Partly done',
  'rate-limited': 'Paused: the site is rate limiting, it continues shortly',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A run that just ended: how it ended, in a line, with the bar full when it completed. */
function Finished({ run, onDismiss }: { run: SyncRunView; onDismiss: () => void }) {
  const done = run.status === 'succeeded';
  return (
    <div className={`banner ${done ? 'success' : 'warning'}`} data-testid="run-finished">
      <div className="row spread">
        <strong>{OUTCOME[run.status]}: {run.dataSourceName}</strong>
        <button className="btn subtle" type="button" onClick={onDismiss}>Dismiss</button>
      </div>
      {done ? (
        <div className="progress" role="progressbar" aria-label={`Fetched ${run.dataSourceName}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={100}>
          <div style={{ width: '100%' }} />
        </div>
      ) : null}
      <p className="subtlest">
        {run.progress.activities} activities · {run.progress.pages} pages · {formatDuration(run.durationMs)}
        {run.errors[0] ? ` · ${run.errors[0].message}` : ''}
      </p>
    </div>
  );
}

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
function StreamLines({ run }: { run: SyncRunView }) {
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

interface Props {
  /** Said when nothing runs; omitted where an empty space is better (a source card). */
  idleText?: string;
  /** Bumped when a run was just started: polling begins even before the first answer shows it. */
  kick: number;
  onFinished: () => void;
  dataSourceId?: string;
}

/** The runs in flight with a progress bar each, polled while anything runs. */
export function RunProgress({ kick, onFinished, dataSourceId, idleText }: Props) {
  const [runs, setRuns] = useState<SyncRunView[]>([]);
  const [finished, setFinished] = useState<SyncRunView[]>([]);
  const [error, setError] = useState<string>();
  const seen = useRef(new Set<string>());

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    async function poll() {
      const r = await call('sync/status', {});
      if (stop) return;
      polls += 1;
      if (!r.ok) setError(r.error.message);
      else {
        setError(undefined);
        const mine = r.data.running.filter((x) => !dataSourceId || x.dataSourceId === dataSourceId);
        setRuns(mine);
        mine.forEach((x) => seen.current.add(x.id));
        const ended = [...seen.current].filter((id) => !mine.some((x) => x.id === id));
        if (ended.length > 0) {
          ended.forEach((id) => seen.current.delete(id));
          const h = await call('sync/history', { limit: 20 });
          if (stop) return;
          // One result per run, however often it was seen ending (a restarted poll, a second tab).
          if (h.ok) setFinished((f) => [...h.data.runs.filter((x) => ended.includes(x.id) && !f.some((y) => y.id === x.id)), ...f].slice(0, 3));
          onFinished();
        }
        // Keep polling while something runs, and for a few rounds after a start so a queued run shows up.
        if (mine.length === 0 && (kick === 0 || polls > 5)) return;
      }
      timer = setTimeout(poll, 1000);
    }
    void poll();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kick, dataSourceId]);

  if (error) return <div className="banner error" role="alert">Progress unavailable: {error}</div>;
  const ended = finished.map((run) => <Finished key={run.id} run={run} onDismiss={() => setFinished((f) => f.filter((x) => x.id !== run.id))} />);
  if (runs.length === 0) return ended.length > 0 ? <div aria-live="polite">{ended}</div> : idleText ? <p className="subtle">{idleText}</p> : null;
  return (
    <div aria-live="polite">
      {ended}
      {runs.map((run) => {
        const pct = runPercent(run);
        return (
          <div key={run.id} className="card" data-testid="run-progress">
            <div className="row spread">
              <strong>Fetching {run.dataSourceName}</strong>
              <button className="btn" type="button" onClick={() => void call('sync/cancel', { runId: run.id })}>Cancel</button>
            </div>
            <div className="progress" role="progressbar" aria-label={`Fetching ${run.dataSourceName}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
              <div style={{ width: `${pct}%` }} />
            </div>
            <p className="subtlest">
              {run.progress.streamsDone} of {run.progress.streamsTotal} streams · {run.progress.pages} pages · {run.progress.activities} activities
              {run.progress.etaSec !== undefined ? ` · about ${formatDuration(run.progress.etaSec * 1000)} left` : ''}
            </p>
            <StreamLines run={run} />
          </div>
        );
      })}
    </div>
  );
}
