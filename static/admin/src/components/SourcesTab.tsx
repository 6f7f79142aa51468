import Button from '@atlaskit/button/new';
import { useState } from 'react';
import type { DataSourceView } from '../../../../src/shared/admin-contract';
import type { ConfluenceConnection } from '../../../../src/shared/confluence-connection';
import { flagSuccess } from '../flags';
import { SourceCard } from './SourceCard';
import { SourceForm } from './SourceForm';

interface Props {
  sources: DataSourceView[];
  historyDays: number;
  hostConfluence: ConfluenceConnection;
  reload: () => void;
  onRunFinished: () => void;
}

/**
 * The data sources as cards rather than table rows: each carries its own forms (edit, fetch
 * now), notices and run progress, which a table cell cannot hold readably.
 */
export function SourcesTab({ sources, historyDays, hostConfluence, reload, onRunFinished }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <div>
      <div className="row spread">
        <p className="subtle">Where activity comes from. The site ActivityPulse is installed on is always first.</p>
        {!adding ? <Button appearance="primary" onClick={() => setAdding(true)}>Add data source</Button> : null}
      </div>
      {adding ? <SourceForm onCancel={() => setAdding(false)} onStored={reload} onSaved={(s, notes) => { setAdding(false); flagSuccess(`Added ${s.name}.`, notes.join(' ') || undefined); reload(); }} /> : null}
      {sources.map((ds) => <SourceCard key={ds.id} ds={ds} historyDays={historyDays} hostConfluence={hostConfluence} reload={reload} onRunFinished={onRunFinished} />)}
    </div>
  );
}
