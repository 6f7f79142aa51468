import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const deleteTeam = (payload: AdminPayload<'teams/delete'>) => call('teams/delete', payload);
