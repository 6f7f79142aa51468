import SectionMessage from '@atlaskit/section-message';
import type { ConnectionTest, ProductCheck } from '../../../../src/shared/admin-contract';

const APPEARANCE = { ok: 'success', 'rate-limited': 'warning', 'not-connected': 'information' } as const;

function Check({ c }: { c: ProductCheck }) {
  const name = c.product === 'jira' ? 'Jira' : 'Confluence';
  const ok = c.status === 'ok';
  const appearance = c.status in APPEARANCE ? APPEARANCE[c.status as keyof typeof APPEARANCE] : 'error';
  return (
    <div className="notice" data-testid={`test-${c.product}`} data-status={c.status}>
      <SectionMessage appearance={appearance} title={`${name}: ${c.title}`}>
        {ok && c.connectedAs ? <p>as {c.connectedAs.displayName ?? c.connectedAs.accountId}{c.connectedAs.email ? ` (${c.connectedAs.email})` : ''}</p> : null}
        {!ok ? <p>{c.advice}</p> : null}
      </SectionMessage>
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
