import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const saveSource = (payload: AdminPayload<'sources/save'>) => call('sources/save', payload);
