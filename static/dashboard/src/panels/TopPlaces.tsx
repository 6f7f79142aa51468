import Button from '@atlaskit/button/new';
import type { DashboardContext, DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { placeLabel } from '../url-state';

/** The busiest projects and spaces; places the viewer may not browse are counted, not named. */
export function TopPlaces({ summary, sites, onPick }: { summary: DashboardSummary; sites: DashboardContext['dataSources']; onPick: (containerKey: string) => void }) {
  const max = Math.max(1, ...summary.containers.map((c) => c.count));
  return (
    <section className="panel" aria-label="Top projects and spaces" data-testid="top-places">
      <h2>Top projects and spaces</h2>
      {summary.containers.length === 0 && <p className="muted">No activity in this range.</p>}
      <ul className="places">
        {summary.containers.map((c) => (
          <li key={c.key} data-testid="place-row" data-key={c.key}>
            {c.name === null ? (
              <span className="place-name restricted">Restricted {c.type === 'project' ? 'projects' : 'spaces'}</span>
            ) : (
              <span className="place-name">
                <Button appearance="subtle" spacing="compact" onClick={() => onPick(c.key)} aria-label={`Show only ${placeLabel(c, c.name, sites)}`}>
                  <span className="place-key">{c.containerKey}</span> {placeLabel(c, c.name, sites)}
                </Button>
              </span>
            )}
            <span className="bar" style={{ width: `${(c.count / max) * 100}%` }} />
            <span className="place-count">{c.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
