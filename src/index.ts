export { adminResolver } from './entry/admin-resolver';
export { dashboardResolver } from './entry/dashboard-resolver';
export { gadgetResolver } from './entry/gadget-resolver';
export { syncTick } from './entry/sync-tick';
export { syncWorker } from './entry/sync-worker';
export { jiraEvents } from './entry/jira-events';
export { confluenceEvents } from './entry/confluence-events';
export { privacyReport } from './entry/privacy-report';
