import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const addUsers = (payload: AdminPayload<'teammates/add-users'>) => call('teammates/add-users', payload);
