import SectionMessage from '@atlaskit/section-message';
import type { Diagnostic } from '../../../../src/shared/admin-contract';
import { Loading } from './Loading';

const APPEARANCE = { error: 'error', warning: 'warning', info: 'information' } as const;

/** Why a fetch may have found nothing, one message per finding. */
export function Diagnostics({ findings }: { findings?: Diagnostic[] }) {
  if (!findings) return <Loading what="Checking" />;
  if (findings.length === 0) {
    return <SectionMessage appearance="success">Nothing stands in the way: sources work, teammates are mapped and recent runs found activity.</SectionMessage>;
  }
  return (
    <div data-testid="diagnostics">
      {findings.map((f) => (
        <div key={f.id} className="notice">
          <SectionMessage appearance={APPEARANCE[f.severity] ?? 'information'} title={f.title}>
            <p>{f.detail}</p>
          </SectionMessage>
        </div>
      ))}
    </div>
  );
}
