import React from 'react';
import { EmptyState, Spinner, Stack } from '@forge/react';
import { gadgetConfigSchema, type GadgetConfig, type GadgetSummary } from '../../../shared/gadget-contract';
import type { ResultError } from '../../../shared/result';
import { fetchSummary, openDashboard, readStoredConfig } from '../api';
import { dashboardPath } from '../dashboard-link';
import { ProblemMessage } from './problem-message';
import { useReloadable } from './use-reloadable';
import { SummaryPanel } from './summary-panel';

type ViewState =
  | { phase: 'loading' }
  | { phase: 'unconfigured' }
  | { phase: 'problem'; error: ResultError }
  | { phase: 'ready'; config: GadgetConfig; summary: GadgetSummary };

function isUnset(stored: unknown): boolean {
  return stored === undefined || stored === null || (typeof stored === 'object' && Object.keys(stored).length === 0);
}

async function load(): Promise<ViewState> {
  let stored: unknown;
  try {
    stored = await readStoredConfig();
  } catch {
    return { phase: 'problem', error: { code: 'INTERNAL', message: 'Jira did not hand over the gadget settings.' } };
  }
  if (isUnset(stored)) return { phase: 'unconfigured' };
  const parsed = gadgetConfigSchema.safeParse(stored);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { phase: 'problem', error: { code: 'BAD_REQUEST', message: `The saved settings are not valid: ${issue.message}`, field: issue.path.join('.') } };
  }
  const result = await fetchSummary(parsed.data);
  return result.ok ? { phase: 'ready', config: parsed.data, summary: result.data } : { phase: 'problem', error: result.error };
}

/** View mode: who did how much, by kind and by day, for the configured people and range. */
export function GadgetView() {
  const [state, retry] = useReloadable(load);

  switch (state.phase) {
    case 'loading':
      return (
        <Stack alignInline="center">
          <Spinner label="Loading team activity" />
        </Stack>
      );
    case 'unconfigured':
      return (
        <EmptyState
          header="Choose whose activity to show"
          description="Choose Edit in the gadget's menu to pick a team or teammate, a range and the kinds of activity."
        />
      );
    case 'problem':
      return <ProblemMessage error={state.error} onRetry={retry} />;
    case 'ready': {
      const { config, summary } = state;
      return (
        <SummaryPanel
          summary={summary}
          onOpenDashboard={() => {
            void openDashboard(dashboardPath(config, summary)).catch(() => undefined);
          }}
        />
      );
    }
  }
}
