import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { TeammateView, UserSummary } from '../../../../src/shared/admin-contract';
import { TeammateAvatar } from '../../../shared/teammate-avatar';

interface Props {
  users: UserSummary[];
  mapTo?: TeammateView;
  onAdd: (u: UserSummary) => void;
  onMap: (u: UserSummary, t: TeammateView) => void;
}

/** People found by the search: "Already added" for a teammate, else Add (or Map, for a hidden email). */
export function PeopleResults({ users, mapTo, onAdd, onMap }: Props) {
  return (
    <ul className="picker-results" aria-label="People found">
      {users.map((u) => (
        <li key={u.accountId}>
          <span className="person">
            <span aria-hidden="true"><TeammateAvatar name={u.displayName} src={u.avatarUrl} /></span>
            <span>{u.displayName}{u.email ? <span className="subtlest"> {u.email}</span> : null}</span>
          </span>
          {u.addedAs && u.addedAs.id !== mapTo?.id
            ? <span data-testid="already-added"><Lozenge>Already added{u.addedAs.name !== u.displayName ? ` as ${u.addedAs.name}` : ''}</Lozenge></span>
            : mapTo
            ? <Button onClick={() => onMap(u, mapTo)} aria-label={`Map ${mapTo.name} to ${u.displayName}`}>Map {mapTo.name} here</Button>
            : <Button onClick={() => onAdd(u)} aria-label={`Add ${u.displayName}`}>Add</Button>}
        </li>
      ))}
    </ul>
  );
}
