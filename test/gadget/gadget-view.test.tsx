import { fakeBridge } from './helpers/fake-bridge';
import React, { act } from 'react';
import { KIND_LABELS } from '../../src/shared/activity-kinds';
import { GadgetView } from '../../src/frontend/gadget/components/gadget-view';
import { dashboardFiltersSchema } from '../../src/shared/dashboard-contract';
import { parseView } from '../../static/dashboard/src/url-state';
import type { GadgetConfig } from '../../src/shared/gadget-contract';
import { currentDoc, findAll, findOne, fire, renderGadget, settle, textOf } from './helpers/forge-doc';
import { buildSummary } from './helpers/summary-builder';

const config: GadgetConfig = {
  target: { type: 'team', id: 'platform' },
  rangeDays: 7,
  kinds: ['jira.issue.created', 'jira.comment', 'jira.worklog', 'confluence.page.updated'],
};

beforeEach(() => fakeBridge.reset());

describe('gadget view mode', () => {
  it('asks for the summary of the stored configuration and charts every day and kind', async () => {
    const summary = buildSummary({ kinds: config.kinds, count: (d, k) => d + k.length % 4 });
    fakeBridge.setStoredConfig(config);
    fakeBridge.invoke = async () => ({ ok: true, data: summary });
    await renderGadget(<GadgetView />);

    expect(fakeBridge.callsOf('invoke')).toEqual([{ functionKey: 'gadget/summary', payload: { config }, metadata: undefined }]);
    const chart = findOne(currentDoc(), 'StackBarChart');
    expect(chart.props).toMatchObject({ xAccessor: 'day', yAccessor: 'count', colorAccessor: 'kind' });
    const rows = chart.props.data as { day: string; kind: string; count: number }[];
    expect(rows).toHaveLength(7 * config.kinds.length);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(config.kinds.map((k) => KIND_LABELS[k])));
    expect(rows[0].day).toBe('Nov 18');
    expect(rows[rows.length - 1].day).toBe('Nov 24');
    for (const t of summary.totals) {
      const charted = rows.filter((r) => r.kind === KIND_LABELS[t.kind]).reduce((s, r) => s + r.count, 0);
      expect(charted).toBe(t.count);
    }
    // Counts only: nothing on a Jira dashboard links to (or names) an issue or page.
    expect(findAll(currentDoc(), 'Link')).toHaveLength(0);
    expect(findAll(currentDoc(), 'LinkButton')).toHaveLength(0);
    expect(JSON.stringify(currentDoc())).not.toMatch(/href|https?:/);
  });

  it('shows totals by kind with the change against the previous period, and the source split', async () => {
    const summary = buildSummary({
      kinds: ['jira.issue.created', 'confluence.page.updated'],
      count: (d, k) => (k === 'jira.issue.created' ? 2 : d === 0 ? 3 : 0),
      previous: (k) => (k === 'jira.issue.created' ? 10 : 0),
    });
    fakeBridge.setStoredConfig({ ...config, kinds: summary.kinds });
    fakeBridge.invoke = async () => ({ ok: true, data: summary });
    await renderGadget(<GadgetView />);

    const text = textOf(currentDoc());
    expect(text).toContain('Platform team');
    expect(text).toContain('Nov 18 – Nov 24 (last 7 days)');
    expect(text).toContain('Issue created14+4 (+40%)');
    expect(text).toContain('Page updated3+3, none before');
    expect(text).toContain('All activity17+7 (+70%)');
    expect(text).toContain('Jira (82%)14+4 (+40%)');
    expect(text).toContain('Confluence (18%)3+3, none before');
    expect(text).not.toContain('Time logged');
  });

  it('uses a plain bar chart for a single kind and shows logged time for worklogs', async () => {
    const summary = buildSummary({ kinds: ['jira.worklog'], count: () => 1 });
    fakeBridge.setStoredConfig({ ...config, kinds: ['jira.worklog'] });
    fakeBridge.invoke = async () => ({ ok: true, data: summary });
    await renderGadget(<GadgetView />);

    expect(findAll(currentDoc(), 'StackBarChart')).toHaveLength(0);
    expect(findOne(currentDoc(), 'BarChart').props.data).toHaveLength(7);
    expect(textOf(currentDoc())).toContain('Time logged: 1.5 h');
  });

  it('opens the full dashboard with the same filters', async () => {
    const summary = buildSummary({ kinds: config.kinds });
    fakeBridge.setStoredConfig(config);
    fakeBridge.invoke = async () => ({ ok: true, data: summary });
    await renderGadget(<GadgetView />);

    const button = findAll(currentDoc(), 'Button').find((b) => textOf(b) === 'Open full dashboard');
    await fire(button!, 'onClick');
    const [nav] = fakeBridge.callsOf('navigate') as { target: string; moduleKey: string; path: string }[];
    expect(nav).toMatchObject({ target: 'module', moduleKey: 'activitypulse-dashboard', type: 'same-tab' });
    const query = Object.fromEntries(new URLSearchParams(nav.path.split('?')[1]));
    // The route must be a filter the dashboard accepts, naming the same team and days.
    const expected = { range: 'custom', from: summary.range.from, to: summary.range.to, teamId: 'platform' };
    expect(dashboardFiltersSchema.parse(query)).toEqual(expected);
    // ...and the dashboard page reads the same filters back from its route.
    expect(nav.path.startsWith('/?')).toBe(true);
    expect(parseView(nav.path.slice(1)).filters).toEqual(expected);
  });

  it('carries a single kind, or all kinds of one product, over to the dashboard', async () => {
    for (const [kinds, extra] of [
      [['jira.worklog'], { kind: 'jira.worklog' }],
      [['confluence.page.created', 'confluence.page.updated', 'confluence.comment'], { source: 'confluence' }],
    ] as const) {
      fakeBridge.reset();
      const c = { ...config, target: { type: 'teammate', id: 'ana' }, kinds: [...kinds] } as GadgetConfig;
      const summary = buildSummary({ kinds: [...kinds] });
      fakeBridge.setStoredConfig(c);
      fakeBridge.invoke = async () => ({ ok: true, data: summary });
      await renderGadget(<GadgetView />);
      const button = findAll(currentDoc(), 'Button').find((b) => textOf(b) === 'Open full dashboard');
      await fire(button!, 'onClick');
      const [nav] = fakeBridge.callsOf('navigate') as { path: string }[];
      const query = dashboardFiltersSchema.parse(Object.fromEntries(new URLSearchParams(nav.path.split('?')[1])));
      expect(query).toEqual({ range: 'custom', from: summary.range.from, to: summary.range.to, teammateId: 'ana', ...extra });
    }
  });

  it('shows a spinner while loading', async () => {
    let answer: (v: unknown) => void = () => undefined;
    fakeBridge.setStoredConfig(config);
    fakeBridge.invoke = () => new Promise((r) => (answer = r));
    await renderGadget(<GadgetView />);
    expect(findAll(currentDoc(), 'Spinner')).toHaveLength(1);

    answer({ ok: true, data: buildSummary({ kinds: config.kinds }) });
    await settle();
    expect(findAll(currentDoc(), 'Spinner')).toHaveLength(0);
    expect(findAll(currentDoc(), 'StackBarChart')).toHaveLength(1);
  });

  it('asks to be configured when nothing is stored, without calling the resolver', async () => {
    fakeBridge.setStoredConfig({});
    await renderGadget(<GadgetView />);
    expect(findOne(currentDoc(), 'EmptyState').props.header).toBe('Choose whose activity to show');
    expect(fakeBridge.callsOf('invoke')).toHaveLength(0);
  });

  it('explains a stored configuration that is not valid, without calling the resolver', async () => {
    fakeBridge.setStoredConfig({ ...config, rangeDays: 9 });
    await renderGadget(<GadgetView />);
    const message = findOne(currentDoc(), 'SectionMessage');
    expect(message.props.appearance).toBe('warning');
    expect(textOf(message)).toContain('Choose a range of 7, 14 or 30 days.');
    expect(fakeBridge.callsOf('invoke')).toHaveLength(0);
  });

  it('explains a refusal to a viewer outside the allowed groups, with no data and no retry', async () => {
    fakeBridge.setStoredConfig(config);
    const message = 'Only members of team-leads may see team activity.';
    fakeBridge.invoke = async () => ({ ok: false, error: { code: 'FORBIDDEN', message } });
    await renderGadget(<GadgetView />);
    const section = findOne(currentDoc(), 'SectionMessage');
    expect(section.props.title).toBe('Team activity is not shared with you');
    expect(textOf(section)).toContain(message);
    expect(findAll(currentDoc(), 'Button')).toHaveLength(0);
    expect(findAll(currentDoc(), 'StackBarChart')).toHaveLength(0);
  });

  it('points to edit mode when the resolver rejects the configuration', async () => {
    fakeBridge.setStoredConfig(config);
    fakeBridge.invoke = async () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'The team "platform" no longer exists.', field: 'config.target' },
    });
    await renderGadget(<GadgetView />);
    const text = textOf(findOne(currentDoc(), 'SectionMessage'));
    expect(text).toContain('no longer exists');
    expect(text).toContain('Edit');
  });

  it('offers a retry after a failure and recovers', async () => {
    fakeBridge.setStoredConfig(config);
    let calls = 0;
    fakeBridge.invoke = async () =>
      ++calls === 1
        ? { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } }
        : { ok: true, data: buildSummary({ kinds: config.kinds }) };
    await renderGadget(<GadgetView />);
    expect(findOne(currentDoc(), 'SectionMessage').props.appearance).toBe('error');

    await fire(findOne(currentDoc(), 'Button'), 'onClick');
    expect(calls).toBe(2);
    expect(findAll(currentDoc(), 'StackBarChart')).toHaveLength(1);
  });

  it('treats an answer that does not match the contract as an error', async () => {
    fakeBridge.setStoredConfig(config);
    fakeBridge.invoke = async () => ({ ok: true, data: { totals: 'lots' } });
    await renderGadget(<GadgetView />);
    expect(textOf(findOne(currentDoc(), 'SectionMessage'))).toContain('does not understand');
  });

  it('says so when there was no activity in the range', async () => {
    const summary = buildSummary({ kinds: config.kinds, count: () => 0, previous: () => 0 });
    fakeBridge.setStoredConfig(config);
    fakeBridge.invoke = async () => ({ ok: true, data: summary });
    await renderGadget(<GadgetView />);
    expect(findOne(currentDoc(), 'EmptyState').props.header).toBe('No activity in the last 7 days');
    expect(findAll(currentDoc(), 'StackBarChart')).toHaveLength(0);
  });

  it('tells apart a quiet period, a team without members and an empty history', async () => {
    const cases = [
      [buildSummary({ kinds: config.kinds, count: () => 0, previous: () => 1 }), 'There were 4 in the 7 days before.'],
      [{ ...buildSummary({ kinds: config.kinds, count: () => 0, previous: () => 0 }), target: { type: 'team', id: 'new', name: 'New team', memberCount: 0 } }, 'New team has no teammates yet.'],
      [buildSummary({ kinds: config.kinds, count: () => 0, previous: () => 0 }), 'Nothing was synced for this range.'],
    ] as const;
    for (const [summary, text] of cases) {
      fakeBridge.reset();
      fakeBridge.setStoredConfig(config);
      fakeBridge.invoke = async () => ({ ok: true, data: summary });
      await renderGadget(<GadgetView />);
      expect(String(findOne(currentDoc(), 'EmptyState').props.description)).toContain(text);
    }
  });
});

describe('gadget view resource', () => {
  it('renders the summary when Jira loads the module', async () => {
    fakeBridge.setStoredConfig(config);
    fakeBridge.invoke = async () => ({ ok: true, data: buildSummary({ kinds: config.kinds }) });
    await act(async () => {
      require('../../src/frontend/gadget/view');
    });
    await settle();
    expect(findAll(currentDoc(), 'StackBarChart')).toHaveLength(1);
  });
});
