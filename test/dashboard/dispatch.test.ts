import { NeedsAuthenticationError } from '@forge/api';
import { dashboardResolverDefinition } from '../../src/entry/dashboard/definition';
import type { InsightsDeps } from '../../src/insights/viewer-session';
import { createMemoryKvs } from '../admin/helpers/memory-kvs';

function depsWith(groups: () => Promise<{ name: string }[]>): InsightsDeps {
  return {
    kvs: createMemoryKvs(),
    now: () => new Date('2026-11-25T10:00:00Z'),
    permissions: { groups, isJiraAdmin: async () => false, browsableProjects: async () => [], viewableSpaces: async () => [], viewableIssues: async () => [], viewableContents: async () => [] },
  };
}

describe('dashboard dispatch', () => {
  it('lets "the user must allow access first" through, so Forge can ask for consent', async () => {
    const deps = depsWith(() => Promise.reject(new NeedsAuthenticationError('consent needed', 'atlassian-token-service-key')));
    await expect(dashboardResolverDefinition.dispatch('dashboard/context', {}, { accountId: 'u-1' }, deps)).rejects.toBeInstanceOf(NeedsAuthenticationError);
  });

  it('turns other failures into a plain error without a stack or the cause', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const deps = depsWith(() => Promise.reject(new Error('socket hang up at 10.0.0.1 token=abc')));
    const r = await dashboardResolverDefinition.dispatch('dashboard/context', {}, { accountId: 'u-1' }, deps);
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side: try again.' } });
    spy.mockRestore();
  });

  it('refuses calls without an account', async () => {
    const r = await dashboardResolverDefinition.dispatch('dashboard/summary', { filters: {} }, {}, depsWith(async () => []));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
