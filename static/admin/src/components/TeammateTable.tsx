import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import type { DataSourceView, Team, TeammateView } from '../../../../src/shared/admin-contract';
import { TeammateAvatar } from '../../../shared/teammate-avatar';
import { Identities } from './Identities';

interface Props {
  teammates: TeammateView[];
  teams: Team[];
  sources: DataSourceView[];
  onEdit: (t: TeammateView) => void;
  onRemove: (t: TeammateView) => void;
  onFind: (t: TeammateView) => void;
}

const HEAD = { cells: [{ key: 'name', content: 'Name', isSortable: true }, { key: 'team', content: 'Team', isSortable: true }, { key: 'ids', content: 'Identities' }, { key: 'actions', content: 'Actions' }] };

/** The teammates, sortable by name and team; each with their picture, or their initials when none is known. */
export function TeammateTable({ teammates, teams, sources, onEdit, onRemove, onFind }: Props) {
  const teamName = (id?: string) => teams.find((t) => t.id === id)?.name ?? '';
  const rows = teammates.map((t) => ({
    key: t.id,
    testId: 'teammate-row',
    cells: [
      { key: t.name, content: <span className="person"><span aria-hidden="true"><TeammateAvatar name={t.name} src={t.avatar?.url} /></span><span>{t.name}</span></span> },
      { key: teamName(t.teamId), content: teamName(t.teamId) },
      { key: 'ids', content: <Identities t={t} sources={sources} onFind={onFind} /> },
      {
        key: 'actions',
        content: (
          <div className="row">
            <Button onClick={() => onEdit(t)} aria-label={`Edit ${t.name}`}>Edit</Button>
            <Button appearance="subtle" onClick={() => onRemove(t)} aria-label={`Remove ${t.name}`}>Remove</Button>
          </div>
        ),
      },
    ],
  }));
  return (
    <DynamicTable
      caption="Teammates"
      head={HEAD}
      rows={rows}
      defaultSortKey="name"
      defaultSortOrder="ASC"
      emptyView={<EmptyState header="No teammates yet" description="Only activity by teammates is kept: add people from this site below, or map someone by account ID or email." headingLevel={3} />}
    />
  );
}
