import type { FixtureContent, FixtureIssue, SiteFixture } from '../../local/site/fixture-schema';

/** Small hand-written fixtures for the oracle's unit tests: every value is visible in the test. */
export const ANA = 'acc-ana';
export const BEN = 'acc-ben';
export const OUTSIDER = 'acc-outsider';
export const MAPPING = new Map([
  [ANA, 'ana'],
  [BEN, 'ben'],
]);
export const SITE = 'https://acme.atlassian.net';

export function baseFixture(over: Partial<SiteFixture> = {}): SiteFixture {
  return {
    name: 'acme',
    cloudId: 'cloud-1',
    confluence: true,
    users: [ANA, BEN, OUTSIDER].map((accountId) => ({
      accountId,
      displayName: accountId,
      email: `${accountId}@acme.example`,
      emailVisible: true,
      active: true,
      groups: [],
    })),
    groups: [],
    statuses: [
      { id: '1', name: 'To Do', categoryKey: 'new' },
      { id: '3', name: 'In Progress', categoryKey: 'indeterminate' },
      { id: '5', name: 'Done', categoryKey: 'done' },
      { id: '6', name: 'Closed', categoryKey: 'done' },
    ],
    projects: [{ id: '100', key: 'PLAT', name: 'Platform' }],
    issues: [],
    spaces: [{ id: '900', key: 'ENG', name: 'Engineering', type: 'global' }],
    contents: [],
    ...over,
  };
}

export function issue(over: Partial<FixtureIssue> = {}): FixtureIssue {
  return {
    id: '10001',
    key: 'PLAT-1',
    projectId: '100',
    summary: 'Fix login',
    issueTypeName: 'Bug',
    statusId: '1',
    resolution: null,
    resolutiondate: null,
    creatorId: ANA,
    reporterId: ANA,
    assigneeId: null,
    created: '2026-11-02T09:00:00.000+0000',
    updated: '2026-11-02T09:00:00.000+0000',
    changelog: [],
    comments: [],
    worklogs: [],
    ...over,
  };
}

export function page(over: Partial<FixtureContent> = {}): FixtureContent {
  return {
    id: '5001',
    type: 'page',
    spaceId: '900',
    title: 'Runbook',
    status: 'current',
    authorId: ANA,
    createdAt: '2026-11-02T10:00:00.000Z',
    versions: [{ number: 1, authorId: ANA, createdAt: '2026-11-02T10:00:00.000Z', message: '', minorEdit: false }],
    comments: [],
    ...over,
  };
}

export const doc = { type: 'doc' as const, version: 1 as const, content: [] };

/** A wide window around the test data. */
export const WINDOW = { since: '2026-10-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' };
