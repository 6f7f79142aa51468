import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { seedFromFixture } from '../../local/cli/sync/seed';
import type { Activity } from '../../src/domain/activity';
import { connectOtherSite, DAY, inApp, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(240_000);

/**
 * Jira and Confluence answer 404 (or leave an item out of a bulk answer) both for what was
 * deleted and for what the caller may not see. The deletion sweep deletes only on evidence: a
 * project or space restricted from the source's account, or the account leaving the group that
 * gave access, purges nothing and is reported as access lost; what was truly deleted still goes.
 */
describe('the deletion sweep needs evidence', () => {
  const host = siteEndingNow({ seed: 61, issues: 10, pages: 2, users: 4 });
  const other = siteEndingNow({ seed: 62, name: 'initech', issues: 80, pages: 16, users: 6, projects: 3, restrictedProjects: 0, apiTokenUsers: 1 });
  const connector = other.users.find((u) => u.apiToken)!;
  const group = other.groups.find((g) => g.name !== 'jira-administrators' && !connector.groups.includes(g.name))!.name;
  const groupsBefore = [...connector.groups];
  let platform: LocalPlatform;
  const site = () => platform.sites!.site('initech');
  const live = () => site().fixture;
  const byProject = (acts: Activity[], projectId: string) => acts.filter((a) => a.source === 'jira' && a.container.id === projectId);
  const bySpace = (acts: Activity[], spaceId: string) => acts.filter((a) => a.source === 'confluence' && a.container.id === spaceId);
  const accessLost = async () => (await inApp(platform, (d) => d.config.getDataSource('initech')))!.accessLost;
  const sweep = async () => {
    const [run] = await sync(platform, { reason: 'sweep', dataSourceId: 'initech' });
    expect(run.errors).toEqual([]);
    expect(run.streams.sweep.status).toBe('done');
    return run;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [host, other] });
    await inApp(platform, async (d) => {
      const everyone = { ...host, teammates: [...host.users, ...other.users].map((u) => ({ name: u.displayName, accountId: u.accountId })) };
      await seedFromFixture(d.config, everyone, { mappedAt: new Date(Date.now() - DAY).toISOString() });
      await connectOtherSite(d, other, connector);
    });
    // The last project is open to one group only, which the connecting account is put in.
    site().setUserGroups(connector.accountId, [...groupsBefore, group]);
    site().setProjectBrowseGroups(other.projects[other.projects.length - 1].key, [group]);
    const runs = await sync(platform, { reason: 'scheduled', dataSourceId: 'initech' });
    expect(runs[0].status).toBe('succeeded');
  });
  afterAll(() => platform.close());

  it('a project and a space restricted from the account purge nothing and show access lost', async () => {
    const before = await stored(platform, 'initech');
    const [project] = other.projects;
    const space = other.spaces.find((s) => bySpace(before, s.id).length > 0)!;
    expect(byProject(before, project.id).length).toBeGreaterThan(0);
    site().setProjectBrowseGroups(project.key, ['jira-administrators-only-nobody']);
    site().setSpaceViewGroups(space.key, []);
    await sweep();
    expect(await stored(platform, 'initech')).toEqual(before);
    expect((await accessLost())?.containers).toEqual(
      expect.arrayContaining([
        { type: 'project', id: project.id, key: project.key, name: project.name },
        { type: 'space', id: space.id, key: space.key, name: space.name },
      ]),
    );
  });

  it('the account removed from the group that gave access purges nothing either', async () => {
    const before = await stored(platform, 'initech');
    const gated = other.projects[other.projects.length - 1];
    expect(byProject(before, gated.id).length).toBeGreaterThan(0);
    site().setUserGroups(connector.accountId, groupsBefore);
    await sweep();
    expect(await stored(platform, 'initech')).toEqual(before);
    expect((await accessLost())?.containers.map((c) => c.key)).toContain(gated.key);
  });

  it('a deleted issue, a trashed page and a deleted comment still go; restored access clears the report', async () => {
    const open = other.projects[1];
    const acts = await stored(platform, 'initech');
    const issue = byProject(acts, open.id)[0].entity;
    const readableSpaces = new Set(live().spaces.filter((s) => s.viewGroups === undefined).map((s) => s.id));
    const page = acts.find((a) => a.kind === 'confluence.page.created' && readableSpaces.has(a.container.id))!.entity;
    const comment = acts.find((a) => a.kind === 'jira.comment' && a.container.id === open.id && a.entity.id !== issue.id)!;
    site().deleteIssue(issue.key, connector.accountId);
    site().trashContent(page.id, connector.accountId);
    site().deleteComment(comment.details.commentId!, connector.accountId);
    await sweep();
    const after = await stored(platform, 'initech');
    expect(after.filter((a) => a.entity.id === issue.id || a.entity.id === page.id || a.id === comment.id)).toEqual([]);
    // Only those went.
    const gone = new Set(acts.filter((a) => !after.some((b) => b.id === a.id)).map((a) => a.entity.id));
    expect([...gone].sort()).toEqual([issue.id, page.id, ...(gone.has(comment.entity.id) ? [comment.entity.id] : [])].sort());

    site().setProjectBrowseGroups(other.projects[0].key, undefined);
    for (const s of live().spaces) site().setSpaceViewGroups(s.key, undefined);
    site().setUserGroups(connector.accountId, [...groupsBefore, group]);
    await sweep();
    expect(await accessLost()).toBeUndefined();
  });
});
