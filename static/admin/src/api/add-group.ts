import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const addGroup = (payload: AdminPayload<'teammates/add-group'>) => call('teammates/add-group', payload);
