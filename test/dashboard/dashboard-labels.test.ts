import { kindCount, plural } from '../../src/shared/activity-kinds';
import { placeLabel, rangeError } from '../../static/dashboard/src/url-state';

const TODAY = '2026-11-25';
const SITES = [
  { id: 'host', name: 'acme.atlassian.net', kind: 'host' as const },
  { id: 'globex', name: 'Globex', kind: 'cloud' as const },
];

describe('dashboard labels', () => {
  it('counts meet their nouns in one helper: 1 issue created, 2 issues created', () => {
    expect(kindCount(1, 'jira.issue.created')).toBe('1 issue created');
    expect(kindCount(2, 'jira.issue.created')).toBe('2 issues created');
    expect(kindCount(0, 'jira.worklog')).toBe('0 worklogs');
    expect(kindCount(1, 'confluence.page.updated')).toBe('1 page update');
    expect(plural(1, 'activity', 'activities')).toBe('1 activity');
    expect(plural(1200, 'activity', 'activities')).toBe('1,200 activities');
  });

  it('tells apart projects and spaces with the same key on different sites', () => {
    const a = placeLabel({ key: 'host/project:10000', type: 'project' }, 'ENG · Engineering', SITES);
    const b = placeLabel({ key: 'globex/project:20000', type: 'project' }, 'ENG · Engineering', SITES);
    const c = placeLabel({ key: 'host/space:30000', type: 'space' }, 'ENG · Engineering', SITES);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(a).toBe('ENG · Engineering (project, acme.atlassian.net)');
    expect(b).toBe('ENG · Engineering (project, Globex)');
    expect(placeLabel({ key: 'host/space:30000', type: 'space' }, 'DOCS · Docs', SITES.slice(0, 1))).toBe('DOCS · Docs (space)');
  });

  it('an invalid custom range is caught at its field before anything is asked', () => {
    expect(rangeError({ range: '30d' }, TODAY)).toBeNull();
    expect(rangeError({ range: 'custom', from: '2026-11-01', to: '2026-11-20' }, TODAY)).toBeNull();
    expect(rangeError({ range: 'custom', from: '2026-11-20', to: '2026-11-01' }, TODAY)).toEqual({ field: 'to', message: 'The end day is before the start day.' });
    expect(rangeError({ range: 'custom', to: '2026-11-01' }, TODAY)?.field).toBe('from');
    expect(rangeError({ range: 'custom', from: '2026-02-30', to: '2026-03-01' }, TODAY)?.field).toBe('from');
    expect(rangeError({ range: 'custom', from: '2024-01-01', to: '2026-11-01' }, TODAY)?.message).toContain('366 days');
    expect(rangeError({ range: 'custom', from: '2026-12-01', to: '2026-12-02' }, TODAY)?.field).toBe('from');
  });
});
