import { call } from './call';

export const getSyncStatus = () => call('sync/status', {});
