import { call } from './call';

export const getContext = () => call('dashboard/context', {});
