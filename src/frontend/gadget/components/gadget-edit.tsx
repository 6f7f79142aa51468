import React from 'react';
import { Spinner, Stack } from '@forge/react';
import type { GadgetOptions } from '../../../shared/gadget-contract';
import type { ResultError } from '../../../shared/result';
import { fetchOptions, readStoredConfig, submitConfig } from '../api';
import { configToForm, missingTargetMessage, parseTarget, type ConfigFormState } from '../config-form';
import { GadgetEditForm } from './gadget-edit-form';
import { ProblemMessage } from './problem-message';
import { useReloadable } from './use-reloadable';

type EditState =
  | { phase: 'loading' }
  | { phase: 'problem'; error: ResultError }
  | { phase: 'ready'; options: GadgetOptions; initial: ConfigFormState; notice?: string };

async function load(): Promise<EditState> {
  const [stored, options] = await Promise.all([readStoredConfig().catch(() => undefined), fetchOptions()]);
  if (!options.ok) return { phase: 'problem', error: options.error };
  const { state, notice } = configToForm(stored);
  if (notice) return { phase: 'ready', options: options.data, initial: state, notice };
  // A saved team or teammate that was since removed: say so before the user saves blindly.
  const target = parseTarget(state.target);
  const missing = target ? missingTargetMessage(target, options.data) : undefined;
  return missing
    ? { phase: 'ready', options: options.data, initial: { ...state, target: '' }, notice: missing }
    : { phase: 'ready', options: options.data, initial: state };
}

/** Edit mode: the gadget's settings form, saved by Jira through `view.submit`. */
export function GadgetEdit() {
  const [state, retry] = useReloadable(load);

  if (state.phase === 'loading') {
    return (
      <Stack alignInline="center">
        <Spinner label="Loading settings" />
      </Stack>
    );
  }
  if (state.phase === 'problem') return <ProblemMessage error={state.error} onRetry={retry} />;
  return <GadgetEditForm options={state.options} initial={state.initial} notice={state.notice} onSave={submitConfig} />;
}
