import { useEffect, useRef, useState } from 'react';
import type { Team, TeammateView } from '../../../../src/shared/admin-contract';
import type { UserSummary } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';

/**
 * Add teammates from the host site's people (search by name), or every member of a Jira group.
 * With `mapTo` (a teammate whose email is hidden), the search starts from their name and a
 * result maps that teammate by account ID instead of adding a new one.
 */
export function PeoplePicker({ teams, mapTo, onAdded }: { teams: Team[]; mapTo?: TeammateView; onAdded: (message: string) => void }) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!mapTo) return;
    setQuery(mapTo.name);
    input.current?.scrollIntoView?.({ block: 'center' });
    input.current?.focus();
  }, [mapTo]);
  const [users, setUsers] = useState<UserSummary[]>([]);
  /** The query the shown results answer: "nobody matches" is said only for it. */
  const [answered, setAnswered] = useState('');
  const [group, setGroup] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const [teamId, setTeamId] = useState('');
  const [error, setError] = useState<{ field: 'query' | 'group'; message: string }>();

  useEffect(() => {
    if (query.trim().length < 2) {
      setAnswered('');
      return setUsers([]);
    }
    const t = setTimeout(async () => {
      const r = await call('users/search', { query });
      if (r.ok) {
        setUsers(r.data.users);
        setAnswered(query);
      }
      else setError({ field: 'query', message: r.error.message });
    }, 250);
    return () => clearTimeout(t);
  }, [query]);

  useEffect(() => {
    if (group.trim().length < 2) return setGroups([]);
    const t = setTimeout(async () => {
      const r = await call('groups/search', { query: group });
      if (r.ok) setGroups(r.data.groups.map((g) => g.name));
    }, 250);
    return () => clearTimeout(t);
  }, [group]);

  const summary = (added: number, skipped: { displayName: string; reason: string }[], note?: string) =>
    `Added ${added} teammate(s).${skipped.length ? ` Skipped ${skipped.length}: ${skipped.slice(0, 3).map((s) => `${s.displayName} (${s.reason})`).join(', ')}${skipped.length > 3 ? ', …' : ''}.` : ''}${note ? ` ${note}` : ''}`;

  async function add(u: UserSummary) {
    const r = await call('teammates/add-users', { users: [{ accountId: u.accountId, displayName: u.displayName, ...(u.email ? { email: u.email } : {}) }], ...(teamId ? { teamId } : {}) });
    if (r.ok) onAdded(summary(r.data.added.length, r.data.skipped));
    else setError({ field: 'query', message: r.error.message });
  }
  async function map(u: UserSummary, t: TeammateView) {
    const externalIds = [...t.externalIds.map((x) => ({ dataSourceId: x.dataSourceId, type: x.type, value: x.value })), { dataSourceId: '*', type: 'accountId' as const, value: u.accountId }];
    const r = await call('teammates/save', { id: t.id, name: t.name, ...(t.teamId ? { teamId: t.teamId } : {}), externalIds });
    if (r.ok) onAdded(`Mapped ${t.name} to ${u.displayName} by account ID.`);
    else setError({ field: 'query', message: r.error.message });
  }
  async function addAll() {
    setError(undefined);
    const r = await call('teammates/add-group', { groupName: group, ...(teamId ? { teamId } : {}) });
    if (r.ok) onAdded(summary(r.data.added.length, r.data.skipped, r.data.note));
    else setError({ field: 'group', message: r.error.message });
  }

  return (
    <div className="card">
      <h3>{mapTo ? `Find ${mapTo.name} among this site's people` : 'Add people from this site'}</h3>
      <div className="grid2">
        <div className="field">
          <label htmlFor="picker-query">Search people by name</label>
          <input id="picker-query" ref={input} value={query} onChange={(e) => { setError(undefined); setQuery(e.target.value); }} aria-invalid={error?.field === 'query' || undefined} />
          {users.length > 0 ? (
            <ul className="picker-results" aria-label="People found">
              {users.map((u) => (
                <li key={u.accountId}>
                  <span>{u.displayName}{u.email ? <span className="subtlest"> {u.email}</span> : null}</span>
                  {u.addedAs && u.addedAs.id !== mapTo?.id
                    ? <span className="lozenge neutral" data-testid="already-added">Already added{u.addedAs.name !== u.displayName ? ` as ${u.addedAs.name}` : ''}</span>
                    : mapTo
                    ? <button className="btn" type="button" onClick={() => map(u, mapTo)} aria-label={`Map ${mapTo.name} to ${u.displayName}`}>Map {mapTo.name} here</button>
                    : <button className="btn" type="button" onClick={() => add(u)} aria-label={`Add ${u.displayName}`}>Add</button>}
                </li>
              ))}
            </ul>
          ) : answered && answered === query && !error ? (
            <p className="subtle" role="status">No one on this site matches “{answered.trim()}”.</p>
          ) : null}
          {error?.field === 'query' ? <span className="error-text" role="alert">{error.message}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="picker-group">Add every member of a Jira group</label>
          <div className="row">
            <input id="picker-group" list="picker-groups" value={group} onChange={(e) => { setError(undefined); setGroup(e.target.value); }} aria-invalid={error?.field === 'group' || undefined} style={{ flex: 1 }} />
            <datalist id="picker-groups">{groups.map((g) => <option key={g} value={g} />)}</datalist>
            <button className="btn" type="button" onClick={addAll} disabled={!group.trim()}>Add members</button>
          </div>
          {error?.field === 'group' ? <span className="error-text" role="alert">{error.message}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="picker-team">Into team</label>
          <select id="picker-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">No team</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
      </div>
    </div>
  );
}
