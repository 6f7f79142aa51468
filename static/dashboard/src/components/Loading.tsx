import Spinner from '@atlaskit/spinner';

export function PageLoading() {
  return (
    <div className="page loading-page" data-testid="loading" role="status">
      <Spinner size="large" label="Loading the team dashboard" />
    </div>
  );
}

/** A placeholder the size of a panel, so nothing jumps when its content arrives. */
export function PanelLoading({ label, testId }: { label: string; testId?: string }) {
  return (
    <div className="panel skeleton" data-testid={testId} role="status">
      <Spinner size="medium" label={label} />
    </div>
  );
}
