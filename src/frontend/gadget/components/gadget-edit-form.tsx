import React, { useState } from 'react';
import {
  Button,
  ButtonGroup,
  Checkbox,
  ErrorMessage,
  Form,
  FormFooter,
  FormHeader,
  FormSection,
  Label,
  RadioGroup,
  RequiredAsterisk,
  SectionMessage,
  Select,
  Stack,
  Text,
} from '@forge/react';
import { ACTIVITY_KINDS, KIND_LABELS, sourceOfKind } from '../../../shared/activity-kinds';
import { GADGET_RANGE_DAYS, GADGET_REFRESH_MINUTES, type GadgetConfig, type GadgetOptions } from '../../../shared/gadget-contract';
import { formToConfig, type ConfigFormErrors, type ConfigFormState } from '../config-form';

interface Option {
  label: string;
  value: string;
}

/** Everyone first, then teams, then teammates: the order a team lead scans for. */
export function targetOptions(options: GadgetOptions): { label: string; options: Option[] }[] {
  const everyone = options.teammates.length;
  return [
    { label: 'Everyone', options: [{ label: `All teammates (${everyone})`, value: 'all' }] },
    {
      label: 'Teams',
      options: options.teams.map((t) => ({ label: `${t.name} (${t.memberCount})`, value: `team:${t.id}` })),
    },
    { label: 'Teammates', options: options.teammates.map((t) => ({ label: t.name, value: `teammate:${t.id}` })) },
  ];
}

const KIND_PRESETS = [
  { label: 'All kinds', kinds: ACTIVITY_KINDS },
  { label: 'Jira only', kinds: ACTIVITY_KINDS.filter((k) => sourceOfKind(k) === 'jira') },
  { label: 'Confluence only', kinds: ACTIVITY_KINDS.filter((k) => sourceOfKind(k) === 'confluence') },
];

/** The Select hands back the chosen option (or, from some hosts, its bare value). */
function selectedValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'value' in v && typeof (v as Option).value === 'string') return (v as Option).value;
  return '';
}

function eventValue(e: unknown): string {
  const target = (e as { target?: { value?: unknown } } | undefined)?.target;
  return typeof target?.value === 'string' ? target.value : String(target?.value ?? '');
}

function eventChecked(e: unknown): boolean {
  return Boolean((e as { target?: { checked?: unknown } } | undefined)?.target?.checked);
}

export function GadgetEditForm(props: {
  options: GadgetOptions;
  initial: ConfigFormState;
  notice?: string;
  onSave: (config: GadgetConfig) => Promise<void>;
}) {
  const { options, notice, onSave } = props;
  const [state, setState] = useState<ConfigFormState>(props.initial);
  const [errors, setErrors] = useState<ConfigFormErrors>({});
  const [saveError, setSaveError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const groups = targetOptions(options);
  const chosen = groups.flatMap((g) => g.options).find((o) => o.value === state.target);

  const submit = async () => {
    const parsed = formToConfig(state, options);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setSaveError(undefined);
    setSaving(true);
    try {
      await onSave(parsed.config);
    } catch {
      setSaveError('Jira did not save the settings. Try again.');
    } finally {
      setSaving(false);
    }
  };

  const toggleKind = (kind: string, checked: boolean) =>
    setState((s) => ({ ...s, kinds: checked ? [...new Set([...s.kinds, kind])] : s.kinds.filter((k) => k !== kind) }));

  return (
    <Form onSubmit={submit}>
      <FormHeader title="Team pulse settings">
        Required fields are marked with an asterisk <RequiredAsterisk />
      </FormHeader>
      {notice ? (
        <SectionMessage appearance="warning">
          <Text>{notice}</Text>
        </SectionMessage>
      ) : null}
      <FormSection>
        <Stack space="space.200">
          <Stack space="space.050">
            <Label labelFor="target">
              Show activity of <RequiredAsterisk />
            </Label>
            <Select
              inputId="target"
              options={groups}
              value={chosen ?? null}
              placeholder="Choose a team or teammate"
              isInvalid={Boolean(errors.target)}
              onChange={(v: unknown) => setState((s) => ({ ...s, target: selectedValue(v) }))}
            />
            {errors.target ? <ErrorMessage>{errors.target}</ErrorMessage> : null}
          </Stack>
          <Stack space="space.050">
            <Label labelFor="rangeDays">
              Range <RequiredAsterisk />
            </Label>
            <RadioGroup
              name="rangeDays"
              options={GADGET_RANGE_DAYS.map((d) => ({ name: 'rangeDays', value: String(d), label: `Last ${d} days` }))}
              value={state.rangeDays}
              isInvalid={Boolean(errors.rangeDays)}
              onChange={(e) => setState((s) => ({ ...s, rangeDays: eventValue(e) }))}
            />
            {errors.rangeDays ? <ErrorMessage>{errors.rangeDays}</ErrorMessage> : null}
          </Stack>
          <Stack space="space.050">
            <Label labelFor="kinds">
              Kinds of activity <RequiredAsterisk />
            </Label>
            <ButtonGroup label="Quick choice of kinds">
              {KIND_PRESETS.map((preset) => (
                <Button key={preset.label} appearance="subtle" onClick={() => setState((s) => ({ ...s, kinds: [...preset.kinds] }))}>
                  {preset.label}
                </Button>
              ))}
            </ButtonGroup>
            {ACTIVITY_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                name="kinds"
                value={kind}
                label={KIND_LABELS[kind]}
                isChecked={state.kinds.includes(kind)}
                isInvalid={Boolean(errors.kinds)}
                onChange={(e) => toggleKind(kind, eventChecked(e))}
              />
            ))}
            {errors.kinds ? <ErrorMessage>{errors.kinds}</ErrorMessage> : null}
          </Stack>
          <Checkbox
            name="autoRefresh"
            value="autoRefresh"
            label={`Refresh automatically every ${GADGET_REFRESH_MINUTES} minutes`}
            isChecked={state.autoRefresh}
            onChange={(e) => setState((s) => ({ ...s, autoRefresh: eventChecked(e) }))}
          />
        </Stack>
      </FormSection>
      {saveError ? (
        <SectionMessage appearance="error">
          <Text>{saveError}</Text>
        </SectionMessage>
      ) : null}
      <FormFooter>
        <Button appearance="primary" type="submit" isDisabled={saving}>
          Save
        </Button>
      </FormFooter>
    </Form>
  );
}
