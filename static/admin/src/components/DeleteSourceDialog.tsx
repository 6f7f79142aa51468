import type { DataSourceView } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { flagSuccess } from '../flags';
import { ConfirmDialog } from './ConfirmDialog';

/** Asks before deleting a source, then deletes it and says what happens to its activity. */
export function DeleteSourceDialog({ ds, onDeleted, onError, onClose }: { ds: DataSourceView; onDeleted: () => void; onError: (message: string) => void; onClose: () => void }) {
  async function remove() {
    const r = await call('sources/delete', { id: ds.id });
    if (!r.ok) return onError(r.error.message);
    flagSuccess(`${ds.name} was deleted.`, r.data.purge?.continuing ? 'Its earlier activity is being deleted in the background; until then it counts on the dashboard with no titles.' : undefined);
    onDeleted();
  }
  return (
    <ConfirmDialog title={`Delete ${ds.name}?`} confirmLabel="Delete" onConfirm={remove} onClose={onClose}>
      Its token is deleted, teammates lose the IDs that applied only to it, and its activities are deleted from ActivityPulse.
    </ConfirmDialog>
  );
}
