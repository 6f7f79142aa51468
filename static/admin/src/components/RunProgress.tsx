import { useEffect, useRef, useState } from 'react';
import type { SyncRunView } from '../../../../src/shared/admin-contract';
import { cancelRun } from '../api/cancel-run';
import { getSyncStatus } from '../api/get-sync-status';
import { formatDuration } from '../format';

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
  const [error, setError] = useState<string>();
  const wasRunning = useRef(false);

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    async function poll() {
      const r = await getSyncStatus();
      if (stop) return;
      polls += 1;
      if (!r.ok) setError(r.error.message);
      else {
        setError(undefined);
        const mine = r.data.running.filter((x) => !dataSourceId || x.dataSourceId === dataSourceId);
        setRuns(mine);
        if (mine.length > 0) wasRunning.current = true;
        else if (wasRunning.current) {
          wasRunning.current = false;
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
  if (runs.length === 0) return idleText ? <p className="subtle">{idleText}</p> : null;
  return (
    <div aria-live="polite">
      {runs.map((run) => {
        const total = Math.max(1, run.progress.streamsTotal);
        const pct = Math.min(100, Math.round((run.progress.streamsDone / total) * 100));
        return (
          <div key={run.id} className="card" data-testid="run-progress">
            <div className="row spread">
              <strong>Fetching {run.dataSourceName}</strong>
              <button className="btn" type="button" onClick={() => void cancelRun({ runId: run.id })}>Cancel</button>
            </div>
            <div className="progress" role="progressbar" aria-label={`Fetching ${run.dataSourceName}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
              <div style={{ width: `${pct}%` }} />
            </div>
            <p className="subtlest">
              {run.progress.streamsDone} of {run.progress.streamsTotal} streams · {run.progress.pages} pages · {run.progress.activities} activities
              {run.progress.etaSec !== undefined ? ` · about ${formatDuration(run.progress.etaSec * 1000)} left` : ''}
            </p>
          </div>
        );
      })}
    </div>
  );
}
