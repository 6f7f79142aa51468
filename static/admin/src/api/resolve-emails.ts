import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const resolveEmails = (payload: AdminPayload<'teammates/resolve'>) => call('teammates/resolve', payload);
