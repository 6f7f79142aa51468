import Button from '@atlaskit/button/new';
import type { SyncRunView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { formatDuration } from '../format';
import { RunBar } from './RunBar';
import { RunStreams, runPercent } from './RunStreams';

/** One run in flight: its bar, what it has done so far, and Cancel. */
export function RunInFlight({ run }: { run: SyncRunView }) {
  const pct = runPercent(run);
  return (
    <div className="card" data-testid="run-progress">
      <div className="row spread">
        <strong>Fetching {run.dataSourceName}</strong>
        <Button onClick={() => void call('sync/cancel', { runId: run.id })}>Cancel</Button>
      </div>
      <RunBar label={`Fetching ${run.dataSourceName}`} percent={pct} />
      <p className="subtlest">
        {run.progress.streamsDone} of {run.progress.streamsTotal} streams · {run.progress.pages} pages · {run.progress.activities} activities
        {run.progress.etaSec !== undefined ? ` · about ${formatDuration(run.progress.etaSec * 1000)} left` : ''}
      </p>
      <RunStreams run={run} />
    </div>
  );
}
