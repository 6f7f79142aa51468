import type { DashboardPayload } from '../../../../src/shared/dashboard-contract';
import { call } from './call';

export const exportCsv = (payload: DashboardPayload<'dashboard/export'>) => call('dashboard/export', payload);
