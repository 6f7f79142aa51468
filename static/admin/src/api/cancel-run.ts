import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const cancelRun = (payload: AdminPayload<'sync/cancel'>) => call('sync/cancel', payload);
