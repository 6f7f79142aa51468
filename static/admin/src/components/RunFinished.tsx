import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { SyncRunView } from '../../../../src/shared/admin-contract';
import { formatDuration } from '../format';
import { RunBar } from './RunBar';

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
export function RunFinished({ run, onDismiss }: { run: SyncRunView; onDismiss: () => void }) {
  const done = run.status === 'succeeded';
  return (
    <div className="notice" data-testid="run-finished">
      <SectionMessage appearance={done ? 'success' : 'warning'} title={`${OUTCOME[run.status]}: ${run.dataSourceName}`} actions={<Button appearance="subtle" spacing="compact" onClick={onDismiss}>Dismiss</Button>}>
        {done ? <RunBar label={`Fetched ${run.dataSourceName}`} percent={100} /> : null}
        <p className="subtlest">
          {run.progress.activities} activities · {run.progress.pages} pages · {formatDuration(run.durationMs)}
          {run.errors[0] ? ` · ${run.errors[0].message}` : ''}
        </p>
      </SectionMessage>
    </div>
  );
}
