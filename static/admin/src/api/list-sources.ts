import { call } from './call';

export const listSources = () => call('sources/list', {});
