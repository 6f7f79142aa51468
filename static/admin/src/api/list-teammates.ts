import { call } from './call';

export const listTeammates = () => call('teammates/list', {});
