import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useState } from 'react';
import type { DuplicateGroup } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { ErrorBanner } from './Field';

/**
 * Teammates that are one person (they share an email or an account), each group with a merge:
 * the first keeps its name and team, the others' IDs join it and their activity is counted once.
 */
export function Duplicates({ version, onMerged }: { version: number; onMerged: (message: string) => void }) {
  const [groups, setGroups] = useState<DuplicateGroup[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('teammates/duplicates', {}).then((r) => (r.ok ? setGroups(r.data.groups) : setError(r.error.message)));
  }, [version]);

  async function merge(g: DuplicateGroup) {
    const [keep, ...rest] = g.teammates;
    setBusy(true);
    setError(undefined);
    const r = await call('teammates/merge', { keepId: keep.id, mergeIds: rest.map((t) => t.id) });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onMerged(`Merged ${rest.map((t) => t.name).join(', ')} into ${keep.name}. ${r.data.purge?.continuing ? 'Their earlier activity moves over in the background: ' : ''}The next sync counts their activity under ${keep.name}.`);
  }

  if (groups.length === 0 && !error) return null;
  return (
    <div className="notice" data-testid="duplicates">
      <SectionMessage appearance="warning" title="The same person is added more than once">
        <ErrorBanner message={error} />
        <ul>
          {groups.map((g) => (
            <li key={g.teammates.map((t) => t.id).join()}>
              {g.teammates.map((t) => t.name).join(', ')} <span className="subtlest">(same {g.shared.join(', ')})</span>{' '}
              <Button isDisabled={busy} spacing="compact" onClick={() => void merge(g)}>Merge into {g.teammates[0].name}</Button>
            </li>
          ))}
        </ul>
      </SectionMessage>
    </div>
  );
}
