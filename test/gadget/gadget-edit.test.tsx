import { fakeBridge } from './helpers/fake-bridge';
import React, { act } from 'react';
import type { ForgeDoc } from '@forge/react/out/reconciler';
import { ACTIVITY_KINDS, KIND_LABELS } from '../../src/shared/activity-kinds';
import { GadgetEdit } from '../../src/frontend/gadget/components/gadget-edit';
import type { GadgetConfig, GadgetOptions } from '../../src/shared/gadget-contract';
import { currentDoc, findAll, findOne, fire, renderGadget, settle, textOf } from './helpers/forge-doc';

const options: GadgetOptions = {
  teams: [
    { id: 'mobile', name: 'Mobile', memberCount: 1 },
    { id: 'platform', name: 'Platform', memberCount: 2 },
  ],
  teammates: [
    { id: 'ana', name: 'Ana Lima', teamId: 'platform' },
    { id: 'bo', name: 'Bo Chen', teamId: 'platform' },
    { id: 'cy', name: 'Cy Dube', teamId: 'mobile' },
  ],
};

function answerOptions(result: unknown = { ok: true, data: options }) {
  fakeBridge.invoke = async (key) => {
    if (key !== 'gadget/options') throw new Error(`unexpected ${key}`);
    return result;
  };
}

const doc = () => currentDoc();
const kindBoxes = () => findAll(doc(), 'Checkbox').filter((c) => c.props.name === 'kinds');
const checkbox = (value: string) => findAll(doc(), 'Checkbox').find((c) => c.props.value === value) as ForgeDoc;
const errorsShown = () => findAll(doc(), 'ErrorMessage').map(textOf);
const submit = () => fire(findOne(doc(), 'Form'), 'onSubmit');

beforeEach(() => {
  fakeBridge.reset();
  answerOptions();
});

describe('gadget edit mode', () => {
  it('starts from the stored configuration', async () => {
    fakeBridge.setStoredConfig({ target: { type: 'team', id: 'platform' }, rangeDays: 14, kinds: ['jira.comment', 'jira.worklog'] });
    await renderGadget(<GadgetEdit />);

    expect(findOne(doc(), 'Select').props.value).toEqual({ label: 'Platform (2)', value: 'team:platform' });
    expect(findOne(doc(), 'RadioGroup').props.value).toBe('14');
    const checked = kindBoxes().filter((c) => c.props.isChecked).map((c) => c.props.value);
    expect(checked).toEqual(['jira.comment', 'jira.worklog']);
    expect(kindBoxes().map((c) => c.props.label)).toEqual(ACTIVITY_KINDS.map((k) => KIND_LABELS[k]));
  });

  it('offers everyone, the teams with their sizes and the teammates', async () => {
    fakeBridge.setStoredConfig({});
    await renderGadget(<GadgetEdit />);
    const groups = findOne(doc(), 'Select').props.options as { label: string; options: { label: string; value: string }[] }[];
    expect(groups.map((g) => g.label)).toEqual(['Everyone', 'Teams', 'Teammates']);
    expect(groups[0].options).toEqual([{ label: 'All teammates (3)', value: 'all' }]);
    expect(groups[1].options.map((o) => o.value)).toEqual(['team:mobile', 'team:platform']);
    expect(groups[2].options.map((o) => o.label)).toEqual(['Ana Lima', 'Bo Chen', 'Cy Dube']);
  });

  it('submits the chosen settings to Jira', async () => {
    fakeBridge.setStoredConfig({});
    await renderGadget(<GadgetEdit />);

    await fire(findOne(doc(), 'Select'), 'onChange', { label: 'Bo Chen', value: 'teammate:bo' });
    await fire(findOne(doc(), 'RadioGroup'), 'onChange', { target: { value: '30' } });
    for (const kind of ACTIVITY_KINDS.filter((k) => k.startsWith('confluence.'))) {
      await fire(checkbox(kind), 'onChange', { target: { checked: false } });
    }
    await submit();

    const expected: GadgetConfig = {
      target: { type: 'teammate', id: 'bo' },
      rangeDays: 30,
      kinds: ACTIVITY_KINDS.filter((k) => k.startsWith('jira.')),
    };
    expect(fakeBridge.callsOf('submit')).toEqual([expected]);
    expect(errorsShown()).toEqual([]);
  });

  it('offers the automatic refresh of Jira gadgets and keeps the stored choice', async () => {
    fakeBridge.setStoredConfig({ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'], refresh: 15 });
    await renderGadget(<GadgetEdit />);
    expect(checkbox('autoRefresh').props.isChecked).toBe(true);
    await submit();
    await fire(checkbox('autoRefresh'), 'onChange', { target: { checked: false } });
    await submit();
    expect(fakeBridge.callsOf('submit')).toEqual([
      { target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'], refresh: 15 },
      { target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'] },
    ]);
  });

  it('names a stored refresh interval it cannot honour', async () => {
    fakeBridge.setStoredConfig({ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'], refresh: 5 });
    await renderGadget(<GadgetEdit />);
    expect(findAll(doc(), 'SectionMessage').map(textOf).join(' ')).toContain('not valid (refresh)');
    expect(checkbox('autoRefresh').props.isChecked).toBe(false);
    expect(findOne(doc(), 'Select').props.value).toEqual({ label: 'All teammates (3)', value: 'all' });
  });

  it('picks all kinds of one product in one click', async () => {
    fakeBridge.setStoredConfig({ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'] });
    await renderGadget(<GadgetEdit />);
    const quick = (label: string) => findAll(doc(), 'Button').find((b) => textOf(b) === label) as ForgeDoc;
    await fire(quick('Confluence only'), 'onClick');
    expect(kindBoxes().filter((c) => c.props.isChecked).map((c) => c.props.value)).toEqual(
      ACTIVITY_KINDS.filter((k) => k.startsWith('confluence.')),
    );
    await fire(quick('All kinds'), 'onClick');
    expect(kindBoxes().every((c) => c.props.isChecked)).toBe(true);
    await fire(quick('Jira only'), 'onClick');
    await submit();
    expect(fakeBridge.callsOf('submit')).toEqual([
      { target: { type: 'all' }, rangeDays: 7, kinds: ACTIVITY_KINDS.filter((k) => k.startsWith('jira.')) },
    ]);
  });

  it('refuses to save without a choice of people or kinds, and says what is missing', async () => {
    fakeBridge.setStoredConfig({});
    await renderGadget(<GadgetEdit />);
    for (const kind of ACTIVITY_KINDS) await fire(checkbox(kind), 'onChange', { target: { checked: false } });
    await submit();

    expect(fakeBridge.callsOf('submit')).toEqual([]);
    expect(errorsShown()).toEqual(['Choose everyone, a team or a teammate.', 'Choose at least one kind of activity.']);
    expect(findOne(doc(), 'Select').props.isInvalid).toBe(true);

    await fire(findOne(doc(), 'Select'), 'onChange', { label: 'All teammates (3)', value: 'all' });
    await fire(checkbox('jira.worklog'), 'onChange', { target: { checked: true } });
    await submit();
    expect(fakeBridge.callsOf('submit')).toEqual([{ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.worklog'] }]);
    expect(errorsShown()).toEqual([]);
  });

  it('rejects a range other than 7, 14 or 30 days', async () => {
    fakeBridge.setStoredConfig({ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'] });
    await renderGadget(<GadgetEdit />);
    await fire(findOne(doc(), 'RadioGroup'), 'onChange', { target: { value: '90' } });
    await submit();
    expect(errorsShown()).toEqual(['Choose a range of 7, 14 or 30 days.']);
    expect(fakeBridge.callsOf('submit')).toEqual([]);
  });

  it('keeps the valid parts of a broken stored configuration and says which were reset', async () => {
    fakeBridge.setStoredConfig({ target: { type: 'team', id: 'platform' }, rangeDays: 9, kinds: ['jira.bogus'] });
    await renderGadget(<GadgetEdit />);
    const notice = findAll(doc(), 'SectionMessage').map(textOf).join(' ');
    expect(notice).toContain('not valid (range, kinds)');
    expect(findOne(doc(), 'Select').props.value).toEqual({ label: 'Platform (2)', value: 'team:platform' });
    expect(findOne(doc(), 'RadioGroup').props.value).toBe('7');
    expect(kindBoxes().every((c) => c.props.isChecked)).toBe(true);
  });

  it('says when the stored team was removed and asks for another', async () => {
    fakeBridge.setStoredConfig({ target: { type: 'team', id: 'gone' }, rangeDays: 7, kinds: ['jira.comment'] });
    await renderGadget(<GadgetEdit />);
    expect(findAll(doc(), 'SectionMessage').map(textOf).join(' ')).toContain('The team chosen before no longer exists');
    expect(findOne(doc(), 'Select').props.value).toBeNull();
    await submit();
    expect(fakeBridge.callsOf('submit')).toEqual([]);
  });

  it('explains the refusal to a viewer outside the allowed groups instead of showing the form', async () => {
    const message = 'The team dashboard is open to Jira administrators and to members of: team-leads.';
    answerOptions({ ok: false, error: { code: 'FORBIDDEN', message } });
    fakeBridge.setStoredConfig({});
    await renderGadget(<GadgetEdit />);
    expect(findAll(doc(), 'Form')).toHaveLength(0);
    expect(textOf(findOne(doc(), 'SectionMessage'))).toContain(message);
  });

  it('tells the user when Jira did not save the settings', async () => {
    fakeBridge.setStoredConfig({ target: { type: 'all' }, rangeDays: 7, kinds: ['jira.comment'] });
    fakeBridge.submitResult = false;
    await renderGadget(<GadgetEdit />);
    await submit();
    expect(findAll(doc(), 'SectionMessage').map(textOf).join(' ')).toContain('Jira did not save the settings');
  });
});

describe('gadget edit resource', () => {
  it('renders the settings form when Jira loads the module', async () => {
    fakeBridge.setStoredConfig({});
    await act(async () => {
      require('../../src/frontend/gadget/edit');
    });
    await settle();
    expect(findAll(doc(), 'Form')).toHaveLength(1);
    expect(fakeBridge.callsOf('invoke')).toEqual([{ functionKey: 'gadget/options', payload: {}, metadata: undefined }]);
  });
});
