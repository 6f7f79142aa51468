import Spinner from '@atlaskit/spinner';
import { lazy, Suspense } from 'react';

const PrivacyBadge = lazy(() => import('./PrivacyBadge').then((m) => ({ default: m.PrivacyBadge })));

export function Header({ privacyMode, loading }: { privacyMode: boolean; loading: boolean }) {
  return (
    <header className="header">
      <h1>Team activity</h1>
      {privacyMode && (
        <Suspense fallback={null}>
          <PrivacyBadge />
        </Suspense>
      )}
      {loading && (
        <span className="updating" data-testid="updating" role="status">
          <Spinner size="small" label="Updating" /> Updating…
        </span>
      )}
    </header>
  );
}
