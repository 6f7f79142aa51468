import Button from '@atlaskit/button/new';
import type { DataSourceView } from '../../../../src/shared/admin-contract';

interface Props {
  ds: DataSourceView;
  testing: boolean;
  onTest: () => void;
  onFetch: () => void;
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
}

/** The buttons of a source card; a host source cannot be edited or deleted. */
export function SourceActions({ ds, testing, onTest, onFetch, onEdit, onToggle, onDelete }: Props) {
  return (
    <div className="row">
      <Button onClick={onTest} isLoading={testing}>Test connection</Button>
      <Button onClick={onFetch} isDisabled={!ds.enabled}>Fetch now</Button>
      {ds.kind === 'cloud' ? <Button onClick={onEdit}>Edit</Button> : null}
      <Button onClick={onToggle}>{ds.enabled ? 'Disable' : 'Enable'}</Button>
      {ds.kind === 'cloud' ? <Button appearance="subtle" onClick={onDelete}>Delete</Button> : null}
    </div>
  );
}
