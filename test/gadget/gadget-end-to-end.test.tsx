import { fakeBridge } from './helpers/fake-bridge';
import React from 'react';
import type { LocalPlatform } from '../../local/platform';
import type { Activity } from '../../src/domain/activity';
import { KIND_LABELS } from '../../src/shared/activity-kinds';
import { GadgetEdit } from '../../src/frontend/gadget/components/gadget-edit';
import { GadgetView } from '../../src/frontend/gadget/components/gadget-view';
import { currentDoc, findAll, findOne, fire, loaded, renderGadget, textOf, waitUntil } from './helpers/forge-doc';
import { LEAD, OUTSIDER, ROSTER, dayOffset, recentActivities, startGadgetPlatform, storeActivities } from './helpers/gadget-platform';

/**
 * The UI Kit views talking to the real resolver on the local platform: the edit form saves a
 * configuration, and the view charts what the stored rollups say for it.
 */
let p: LocalPlatform;
const startDay = new Date().toISOString().slice(0, 10);
const activities = recentActivities({ today: startDay, days: 40, count: 600, seed: 29 });
let lastAnswer: unknown;

function viewAs(accountId: string) {
  fakeBridge.invoke = async (functionKey, payload) => {
    lastAnswer = await p.runtime.invokeResolver('gadget-resolver', functionKey, payload, { accountId, moduleKey: 'activitypulse-gadget' });
    return lastAnswer;
  };
}

beforeAll(async () => {
  p = await startGadgetPlatform();
  await storeActivities(activities);
  await p.runtime.invokeResolver('gadget-resolver', 'gadget/options', {}, { accountId: LEAD });
}, 120_000);
afterAll(async () => {
  await p?.close();
});
beforeEach(() => fakeBridge.reset());

it('a team lead configures the gadget for a team and sees its activity per day', async () => {
  viewAs(LEAD);
  fakeBridge.setStoredConfig({});
  await renderGadget(<GadgetEdit />);
  await waitUntil(loaded, 'the settings form');
  await fire(findOne(currentDoc(), 'Select'), 'onChange', { label: 'Platform (2)', value: 'team:platform' });
  await fire(findOne(currentDoc(), 'RadioGroup'), 'onChange', { target: { value: '14' } });
  for (const c of findAll(currentDoc(), 'Checkbox').filter((box) => box.props.name === 'kinds')) {
    if (c.props.value !== 'jira.comment' && c.props.value !== 'confluence.page.created') {
      await fire(c, 'onChange', { target: { checked: false } });
    }
  }
  await fire(findOne(currentDoc(), 'Form'), 'onSubmit');
  const [saved] = fakeBridge.callsOf('submit');
  expect(saved).toEqual({ target: { type: 'team', id: 'platform' }, rangeDays: 14, kinds: ['jira.comment', 'confluence.page.created'] });

  fakeBridge.reset();
  viewAs(LEAD);
  fakeBridge.setStoredConfig(saved);
  await renderGadget(<GadgetView />);
  await waitUntil(loaded, 'the summary');
  const rows = findOne(currentDoc(), 'StackBarChart').props.data as { day: string; kind: string; count: number }[];
  expect(rows).toHaveLength(14 * 2);

  const platform = new Set(ROSTER.teammates.filter((m) => m.teamId === 'platform').map((m) => m.id));
  // The resolver's own "today" (a run may cross midnight UTC) ends the charted range.
  const today = (lastAnswer as { data: { range: { to: string } } }).data.range.to;
  expect([startDay, dayOffset(startDay, 1)]).toContain(today);
  const from = dayOffset(today, -13);
  const expected = (kind: Activity['kind']) =>
    activities.filter((a) => platform.has(a.teammateId) && a.kind === kind && a.at.slice(0, 10) >= from && a.at.slice(0, 10) <= today).length;
  for (const kind of ['jira.comment', 'confluence.page.created'] as const) {
    const charted = rows.filter((r) => r.kind === KIND_LABELS[kind]).reduce((n, r) => n + r.count, 0);
    expect(charted).toBe(expected(kind));
  }
  expect(textOf(currentDoc())).toContain(`All activity${expected('jira.comment') + expected('confluence.page.created')}`);
});

it('someone outside the allowed groups sees why, and no numbers', async () => {
  viewAs(OUTSIDER);
  fakeBridge.setStoredConfig({ target: { type: 'team', id: 'platform' }, rangeDays: 7, kinds: ['jira.comment'] });
  await renderGadget(<GadgetView />);
  await waitUntil(loaded, 'the summary');
  const message = findOne(currentDoc(), 'SectionMessage');
  expect(message.props.title).toBe('Team activity is not shared with you');
  expect(textOf(message)).toContain('team-leads');
  expect(findAll(currentDoc(), 'StackBarChart')).toHaveLength(0);
  expect(findAll(currentDoc(), 'BarChart')).toHaveLength(0);

  fakeBridge.reset();
  viewAs(OUTSIDER);
  await renderGadget(<GadgetEdit />);
  await waitUntil(loaded, 'the settings form');
  expect(findAll(currentDoc(), 'Form')).toHaveLength(0);
  expect(textOf(findOne(currentDoc(), 'SectionMessage'))).toContain('team-leads');
});
