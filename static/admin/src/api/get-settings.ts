import { call } from './call';

export const getSettings = () => call('settings/get', {});
