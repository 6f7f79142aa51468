import AkEmptyState from '@atlaskit/empty-state';

export function AccessDenied({ reason }: { reason?: string }) {
  return (
    <div className="page" data-testid="access-denied">
      <h1>Team activity</h1>
      <AkEmptyState
        header="You can’t open this dashboard"
        headingLevel={2}
        description={reason ?? 'The team dashboard is open to Jira administrators and the groups they chose.'}
      />
    </div>
  );
}
