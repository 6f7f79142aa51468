export function AccessDenied({ reason }: { reason?: string }) {
  return (
    <div className="page" data-testid="access-denied">
      <h1>Team activity</h1>
      <div className="notice">
        <h2>You can’t open this dashboard</h2>
        <p>{reason ?? 'The team dashboard is open to Jira administrators and the groups they chose.'}</p>
      </div>
    </div>
  );
}
