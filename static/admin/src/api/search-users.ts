import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const searchUsers = (payload: AdminPayload<'users/search'>) => call('users/search', payload);
