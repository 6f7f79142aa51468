import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const searchGroups = (payload: AdminPayload<'groups/search'>) => call('groups/search', payload);
