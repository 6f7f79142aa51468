import Button from '@atlaskit/button/new';
import type { DataSourceView, EmailResolution, TeammateView } from '../../../../src/shared/admin-contract';

function resolutionText(r: EmailResolution): { text: string; tone: string } {
  if (r.status === 'resolved') return { text: `resolved to ${r.displayName ?? r.accountId}`, tone: 'success' };
  if (r.status === 'hidden') return { text: "Email hidden by this person's profile settings: map by account ID", tone: 'warning' };
  if (r.status === 'not-found') return { text: 'not found', tone: 'danger' };
  return { text: 'could not be checked: test the connection, then resolve again', tone: 'warning' };
}

/** A teammate's IDs, and for each email what every source resolved it to. */
export function Identities({ t, sources, onFind }: { t: TeammateView; sources: DataSourceView[]; onFind: (t: TeammateView) => void }) {
  const name = (id: string) => (id === '*' ? 'all sources' : sources.find((s) => s.id === id)?.name ?? id);
  const mappedById = (dsId: string) => t.externalIds.some((x) => x.type === 'accountId' && (x.dataSourceId === '*' || x.dataSourceId === dsId));
  return (
    <ul className="tight">
      {t.externalIds.map((x, i) => (
        <li key={i}>
          <span>{x.type === 'email' ? 'Email' : 'Account ID'} {x.value} <span className="subtlest">({name(x.dataSourceId)})</span></span>
          {x.type === 'email' ? (
            <ul className="tight">
              {Object.entries(x.resolutions ?? {}).map(([dsId, r]) => {
                const { text, tone } = resolutionText(r);
                return (
                  <li key={dsId} className="resolution" data-testid="resolution">
                    {name(dsId)}: <span className={`status-text ${tone}`}>{text}</span>
                    {r.status === 'hidden' && mappedById(dsId) ? <span className="subtlest"> (mapped by account ID)</span> : null}
                    {r.status === 'hidden' && !mappedById(dsId) ? <> <Button appearance="subtle" spacing="compact" onClick={() => onFind(t)}>Find {t.name} in the people search</Button></> : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
