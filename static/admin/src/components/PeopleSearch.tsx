import { ErrorMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { useEffect, useRef, useState } from 'react';
import type { TeammateView, UserSummary } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { PeopleResults } from './PeopleResults';

interface Props {
  mapTo?: TeammateView;
  error?: string;
  onError: (message?: string) => void;
  onAdd: (u: UserSummary) => void;
  onMap: (u: UserSummary, t: TeammateView) => void;
}

/** Search the host site's people by name; with `mapTo`, the search starts from that teammate's name. */
export function PeopleSearch({ mapTo, error, onError, onAdd, onMap }: Props) {
  const [query, setQuery] = useState('');
  const [users, setUsers] = useState<UserSummary[]>([]);
  /** The query the shown results answer: "nobody matches" is said only for it. */
  const [answered, setAnswered] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!mapTo) return;
    setQuery(mapTo.name);
    input.current?.scrollIntoView?.({ block: 'center' });
    input.current?.focus();
  }, [mapTo]);
  useEffect(() => {
    if (query.trim().length < 2) {
      setAnswered('');
      return setUsers([]);
    }
    const t = setTimeout(async () => {
      const r = await call('users/search', { query });
      if (r.ok) { setUsers(r.data.users); setAnswered(query); } else onError(r.error.message);
    }, 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  return (
    <div className="field">
      <Label htmlFor="picker-query">Search people by name</Label>
      <Textfield id="picker-query" ref={input} value={query} onChange={(e) => { onError(undefined); setQuery(e.currentTarget.value); }} isInvalid={!!error} aria-invalid={error ? true : undefined} />
      {users.length > 0 ? <PeopleResults users={users} mapTo={mapTo} onAdd={onAdd} onMap={onMap} />
        : answered && answered === query && !error ? <p className="subtle" role="status">No one on this site matches “{answered.trim()}”.</p> : null}
      {error ? <span role="alert"><ErrorMessage>{error}</ErrorMessage></span> : null}
    </div>
  );
}
