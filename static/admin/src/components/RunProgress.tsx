import { ErrorBanner } from './Field';
import { RunFinished } from './RunFinished';
import { RunInFlight } from './RunInFlight';
import { useRunPolling } from '../useRunPolling';

interface Props {
  /** Said when nothing runs; omitted where an empty space is better (a source card). */
  idleText?: string;
  /** Bumped when a run was just started: polling begins even before the first answer shows it. */
  kick: number;
  onFinished: () => void;
  dataSourceId?: string;
}

/** The runs in flight with a progress bar each, and how the last ones ended. */
export function RunProgress({ kick, onFinished, dataSourceId, idleText }: Props) {
  const { runs, finished, error, dismiss } = useRunPolling(kick, onFinished, dataSourceId);
  if (error) return <ErrorBanner message={`Progress unavailable: ${error}`} />;
  const ended = finished.map((run) => <RunFinished key={run.id} run={run} onDismiss={() => dismiss(run.id)} />);
  if (runs.length === 0) return ended.length > 0 ? <div aria-live="polite">{ended}</div> : idleText ? <p className="subtle">{idleText}</p> : null;
  return (
    <div aria-live="polite">
      {ended}
      {runs.map((run) => <RunInFlight key={run.id} run={run} />)}
    </div>
  );
}
