import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const saveSyncSettings = (payload: AdminPayload<'settings/save-sync'>) => call('settings/save-sync', payload);
