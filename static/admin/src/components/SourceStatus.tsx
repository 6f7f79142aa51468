import Lozenge from '@atlaskit/lozenge';
import type { DataSourceView } from '../../../../src/shared/admin-contract';

/** A source's health at a glance: this site, enabled or not, failing, waiting for a passing test. */
export function SourceStatus({ ds }: { ds: DataSourceView }) {
  return (
    <span className="lozenges">
      {ds.kind === 'host' ? <Lozenge appearance="new">This site</Lozenge> : null}
      <Lozenge appearance={ds.enabled ? 'success' : 'default'}>{ds.enabled ? 'Enabled' : 'Disabled'}</Lozenge>
      {ds.failing ? <Lozenge appearance="removed" isBold>Failing</Lozenge> : null}
      {ds.awaitingTest ? <span title="Enabled by the first passing connection test"><Lozenge appearance="moved">Waiting for a passing test</Lozenge></span> : null}
    </span>
  );
}
