import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';

export function Header({ privacyMode, loading }: { privacyMode: boolean; loading: boolean }) {
  return (
    <header className="header">
      <h1>Team activity</h1>
      {privacyMode && (
        <span data-testid="privacy-mode">
          <Lozenge appearance="moved">Privacy mode: titles hidden</Lozenge>
        </span>
      )}
      {loading && (
        <span className="updating" data-testid="updating" role="status">
          <Spinner size="small" label="Updating" /> Updating…
        </span>
      )}
    </header>
  );
}
