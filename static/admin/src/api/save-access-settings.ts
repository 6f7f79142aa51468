import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const saveAccessSettings = (payload: AdminPayload<'settings/save-access'>) => call('settings/save-access', payload);
