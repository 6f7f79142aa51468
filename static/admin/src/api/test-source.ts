import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const testSource = (payload: AdminPayload<'sources/test'>) => call('sources/test', payload);
