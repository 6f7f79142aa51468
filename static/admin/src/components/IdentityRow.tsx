import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import type { DataSourceView } from '../../../../src/shared/admin-contract';
import { ChoiceSelect } from './ChoiceSelect';

export type IdentityDraft = { dataSourceId: string; type: 'accountId' | 'email'; value: string };

const TYPES = [{ value: 'email', label: 'Email' }, { value: 'accountId', label: 'Account ID' }];

/** One identity of a teammate: which sources it applies to, its kind and its value. */
export function IdentityRow({ n, row, sources, error, onChange, onRemove }: { n: number; row: IdentityDraft; sources: DataSourceView[]; error?: string; onChange: (patch: Partial<IdentityDraft>) => void; onRemove: () => void }) {
  return (
    <div className="identity-row">
      <div className="row">
        <div className="select-source">
          <ChoiceSelect label={`Identity ${n} applies to`} options={[{ value: '*', label: 'All sources' }, ...sources.map((s) => ({ value: s.id, label: s.name }))]} value={row.dataSourceId} onChange={(v) => onChange({ dataSourceId: v })} />
        </div>
        <div className="select-type">
          <ChoiceSelect label={`Identity ${n} type`} options={TYPES} value={row.type} onChange={(v) => onChange({ type: v as IdentityDraft['type'] })} />
        </div>
        <div className="grow">
          <Textfield aria-label={`Identity ${n} value`} value={row.value} onChange={(e) => onChange({ value: e.currentTarget.value })} isInvalid={!!error} aria-invalid={error ? true : undefined} placeholder={row.type === 'email' ? 'name@example.com' : '5b10ac8d82e05b22cc7d4ef5'} isCompact />
        </div>
        <Button appearance="subtle" aria-label={`Remove identity ${n}`} onClick={onRemove}>Remove</Button>
      </div>
      {error ? <span role="alert"><ErrorMessage>{error}</ErrorMessage></span> : null}
    </div>
  );
}
