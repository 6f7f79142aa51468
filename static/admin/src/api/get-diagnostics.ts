import { call } from './call';

export const getDiagnostics = () => call('sync/diagnostics', {});
