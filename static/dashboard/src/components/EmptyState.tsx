import Button from '@atlaskit/button/new';
import AkEmptyState from '@atlaskit/empty-state';
import { router } from '@forge/bridge';
import type { EmptyReason } from '../../../../src/shared/dashboard-contract';

const TEXT: Record<EmptyReason, { title: string; body: string }> = {
  'no-teammates': {
    title: 'Nobody is mapped yet',
    body: 'ActivityPulse shows the activity of the teammates an administrator maps on the settings page.',
  },
  'no-sync': {
    title: 'No activity has been fetched yet',
    body: 'The first sync has not run. It starts on its own within a few minutes, or an administrator can fetch now.',
  },
  'no-activity-in-range': {
    title: 'Nothing in this range',
    body: 'No activity matches these filters in the chosen days. Try a longer range or fewer filters.',
  },
};

export function EmptyState({ reason, isAdmin }: { reason: EmptyReason; isAdmin: boolean }) {
  const t = TEXT[reason];
  const openSettings = () => void router.navigate({ target: 'module', moduleKey: 'activitypulse-admin' }).catch(() => undefined);
  return (
    <div className="panel" data-testid={`empty-${reason}`}>
      <AkEmptyState
        header={t.title}
        headingLevel={2}
        description={t.body}
        primaryAction={
          isAdmin ? (
            <Button appearance="primary" testId="admin-link" onClick={openSettings}>
              {reason === 'no-activity-in-range' ? 'Check the sync diagnostics in ActivityPulse settings' : 'Open ActivityPulse settings'}
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}
