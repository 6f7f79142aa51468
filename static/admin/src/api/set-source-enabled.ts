import type { AdminPayload } from '../../../../src/shared/admin-contract';
import { call } from './call';

export const setSourceEnabled = (payload: AdminPayload<'sources/set-enabled'>) => call('sources/set-enabled', payload);
