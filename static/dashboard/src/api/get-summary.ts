import type { DashboardPayload } from '../../../../src/shared/dashboard-contract';
import { call } from './call';

export const getSummary = (payload: DashboardPayload<'dashboard/summary'>) => call('dashboard/summary', payload);
