import React from 'react';
import {
  BarChart,
  Button,
  EmptyState,
  Heading,
  Inline,
  Stack,
  StackBarChart,
  Text,
} from '@forge/react';
import { KIND_LABELS } from '../../../shared/activity-kinds';
import type { GadgetSummary, PeriodCount } from '../../../shared/gadget-contract';
import { changeAppearance, changeText, chartRows, hoursText, rangeText } from '../summary-format';

const CHANGE_COLOR = {
  added: 'color.text.success',
  removed: 'color.text.danger',
  default: 'color.text.subtlest',
} as const;

function CountLine({ label, value }: { label: string; value: PeriodCount }) {
  return (
    <Inline spread="space-between" alignBlock="center">
      <Text>{label}</Text>
      <Inline space="space.100" alignBlock="center">
        <Text weight="bold">{String(value.count)}</Text>
        <Text size="small" color={CHANGE_COLOR[changeAppearance(value)]}>
          {changeText(value)}
        </Text>
      </Inline>
    </Inline>
  );
}

function share(part: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((part / total) * 100)}%`;
}

function emptyDescription(s: GadgetSummary): string {
  if (s.target.memberCount === 0) {
    return `${s.target.name} has no teammates yet. A Jira admin adds them on the ActivityPulse admin page.`;
  }
  if (s.total.previous > 0) return `There were ${s.total.previous} in the ${s.range.days} days before.`;
  return 'Nothing was synced for this range. If that is unexpected, ask a Jira admin to check the sync on the ActivityPulse admin page.';
}

export function SummaryPanel(props: { summary: GadgetSummary; onOpenDashboard: () => void }) {
  const { summary, onOpenDashboard } = props;
  const openButton = (
    <Button appearance="subtle" iconBefore="graph-bar" onClick={onOpenDashboard}>
      Open full dashboard
    </Button>
  );
  const header = (
    <Stack space="space.050">
      <Heading size="small">{summary.target.name}</Heading>
      <Text size="small" color="color.text.subtlest">
        {rangeText(summary)}
      </Text>
    </Stack>
  );

  if (summary.total.count === 0) {
    return (
      <Stack space="space.200">
        {header}
        <EmptyState
          header={`No activity in the last ${summary.range.days} days`}
          description={emptyDescription(summary)}
        />
        {openButton}
      </Stack>
    );
  }

  const rows = chartRows(summary);
  const { jira, confluence } = summary.bySource;
  const showsWorklogs = summary.kinds.includes('jira.worklog');
  return (
    <Stack space="space.200">
      {header}
      <Stack space="space.050">
        <CountLine label="All activity" value={summary.total} />
        {summary.totals.map((t) => (
          <CountLine key={t.kind} label={KIND_LABELS[t.kind]} value={t} />
        ))}
      </Stack>
      {summary.kinds.length > 1 ? (
        <StackBarChart
          title="Activity per day"
          data={rows}
          xAccessor="day"
          yAccessor="count"
          colorAccessor="kind"
          height={240}
        />
      ) : (
        <BarChart title="Activity per day" data={rows} xAccessor="day" yAccessor="count" height={240} />
      )}
      <Stack space="space.050">
        <Heading size="xxsmall">Jira and Confluence</Heading>
        <CountLine label={`Jira (${share(jira.count, summary.total.count)})`} value={jira} />
        <CountLine label={`Confluence (${share(confluence.count, summary.total.count)})`} value={confluence} />
        {showsWorklogs ? (
          <Text size="small" color="color.text.subtlest">{`Time logged: ${hoursText(summary.worklogSeconds)}`}</Text>
        ) : null}
      </Stack>
      {openButton}
    </Stack>
  );
}
