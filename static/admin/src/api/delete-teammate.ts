import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const deleteTeammate = (payload: AdminPayload<'teammates/delete'>) => call('teammates/delete', payload);
