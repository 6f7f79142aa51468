import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const saveTeammate = (payload: AdminPayload<'teammates/save'>) => call('teammates/save', payload);
