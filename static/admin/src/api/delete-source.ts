import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const deleteSource = (payload: AdminPayload<'sources/delete'>) => call('sources/delete', payload);
