import type { DashboardPayload } from '../../../../src/shared/dashboard-contract';
import { call } from './call';

export const getFeed = (payload: DashboardPayload<'dashboard/feed'>) => call('dashboard/feed', payload);
