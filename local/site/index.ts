/** The Atlassian site emulator: fixture format, server, live state and fault rules. */
export { createSiteEmulator, siteNameFromHost, type SiteEmulator, type SiteEmulatorOptions } from './emulator';
export { SiteState } from './site-state';
export type { FaultRule, FaultType } from './faults';
export type { RequestLogEntry } from './request-log';
export type { ProductEvent } from './state/events';
export * from './fixture-schema';
export { takeViolations as takeRequestViolations, formatViolations, onViolation, type RequestViolation } from './request-check';
