import type { ConnectionTest, ProductCheck } from '../../../../src/shared/admin-contract';

function Check({ c }: { c: ProductCheck }) {
  const name = c.product === 'jira' ? 'Jira' : 'Confluence';
  const ok = c.status === 'ok';
  return (
    <div className={`banner ${ok ? 'success' : c.status === 'rate-limited' ? 'warning' : c.status === 'not-connected' ? 'info' : 'error'}`} data-testid={`test-${c.product}`}>
      <strong>{name}: {c.title}</strong>
      {ok && c.connectedAs ? <span> as {c.connectedAs.displayName ?? c.connectedAs.accountId}{c.connectedAs.email ? ` (${c.connectedAs.email})` : ''}</span> : null}
      {!ok ? <p>{c.advice}</p> : null}
    </div>
  );
}

export function TestResult({ test }: { test: ConnectionTest }) {
  return (
    <div role="status" aria-label="Connection test result">
      <Check c={test.jira} />
      {test.confluence ? <Check c={test.confluence} /> : null}
    </div>
  );
}
