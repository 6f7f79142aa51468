import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const saveTeam = (payload: AdminPayload<'teams/save'>) => call('teams/save', payload);
