import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const fetchNow = (payload: AdminPayload<'sources/fetch-now'>) => call('sources/fetch-now', payload);
