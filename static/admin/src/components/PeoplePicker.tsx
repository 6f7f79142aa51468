import type { Team, TeammateView, UserSummary } from '../../../../src/shared/admin-contract';
import { useState } from 'react';
import { call } from '../../../shared/call';
import { GroupAdd } from './GroupAdd';
import { PeopleSearch } from './PeopleSearch';
import { TeamSelect } from './TeamSelect';

const summary = (added: number, skipped: { displayName: string; reason: string }[], note?: string) =>
  `Added ${added} teammate(s).${skipped.length ? ` Skipped ${skipped.length}: ${skipped.slice(0, 3).map((s) => `${s.displayName} (${s.reason})`).join(', ')}${skipped.length > 3 ? ', …' : ''}.` : ''}${note ? ` ${note}` : ''}`;

/**
 * Add teammates from the host site's people (search by name), or every member of a Jira group.
 * With `mapTo` (a teammate whose email is hidden), a result maps that teammate by account ID
 * instead of adding a new one.
 */
export function PeoplePicker({ teams, mapTo, onAdded }: { teams: Team[]; mapTo?: TeammateView; onAdded: (message: string) => void }) {
  const [teamId, setTeamId] = useState('');
  const [error, setError] = useState<{ field: 'query' | 'group'; message: string }>();
  const team = teamId ? { teamId } : {};

  async function add(u: UserSummary) {
    const r = await call('teammates/add-users', { users: [{ accountId: u.accountId, displayName: u.displayName, ...(u.email ? { email: u.email } : {}), ...(u.avatarUrl ? { avatarUrl: u.avatarUrl } : {}) }], ...team });
    if (r.ok) onAdded(summary(r.data.added.length, r.data.skipped));
    else setError({ field: 'query', message: r.error.message });
  }
  async function map(u: UserSummary, t: TeammateView) {
    const externalIds = [...t.externalIds.map((x) => ({ dataSourceId: x.dataSourceId, type: x.type, value: x.value })), { dataSourceId: '*', type: 'accountId' as const, value: u.accountId }];
    const avatar = u.avatarUrl ? { avatar: { accountId: u.accountId, url: u.avatarUrl } } : {};
    const r = await call('teammates/save', { id: t.id, name: t.name, ...(t.teamId ? { teamId: t.teamId } : {}), externalIds, ...avatar });
    if (r.ok) onAdded(`Mapped ${t.name} to ${u.displayName} by account ID.`);
    else setError({ field: 'query', message: r.error.message });
  }
  async function addAll(groupName: string) {
    setError(undefined);
    const r = await call('teammates/add-group', { groupName, ...team });
    if (r.ok) onAdded(summary(r.data.added.length, r.data.skipped, r.data.note));
    else setError({ field: 'group', message: r.error.message });
  }

  return (
    <div className="card">
      <h3>{mapTo ? `Find ${mapTo.name} among this site's people` : 'Add people from this site'}</h3>
      <div className="grid2">
        <PeopleSearch mapTo={mapTo} error={error?.field === 'query' ? error.message : undefined} onError={(m) => setError(m ? { field: 'query', message: m } : undefined)} onAdd={(u) => void add(u)} onMap={(u, t) => void map(u, t)} />
        <GroupAdd error={error?.field === 'group' ? error.message : undefined} onEdit={() => setError(undefined)} onAdd={(g) => void addAll(g)} />
        <TeamSelect label="Into team" teams={teams} value={teamId} onChange={setTeamId} />
      </div>
    </div>
  );
}
