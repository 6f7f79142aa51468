import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const listRuns = (payload: AdminPayload<'sync/history'>) => call('sync/history', payload);
