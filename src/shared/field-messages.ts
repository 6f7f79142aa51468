import type { z } from 'zod';

/**
 * Payload problems in words an admin or a team lead reads: "Sync interval: at least 5 minutes",
 * never "syncIntervalMinutes: Too small: expected number to be >=5". The one place where a
 * field path becomes a label and a zod issue a sentence, for every resolver (admin, dashboard,
 * gadget) and for the pages that check a form before sending it. Never quotes a value: payloads
 * may carry tokens.
 */
export interface FieldProblem {
  /** The payload path, e.g. "syncIntervalMinutes" or "externalIds.0.value"; "" for the payload as a whole. */
  field: string;
  message: string;
}

interface FieldLabel {
  label: string;
  /** The unit of a number field, said with its bounds ("at least 5 minutes"). */
  unit?: string;
}

/** Labels by path, array indexes written as `*`; a `*` label gets the position ("Identity 2"). */
const LABELS: Record<string, FieldLabel> = {
  id: { label: 'Item' },
  runId: { label: 'Run' },
  syncIntervalMinutes: { label: 'Sync interval', unit: 'minutes' },
  historyDays: { label: 'History window', unit: 'days' },
  dashboardGroups: { label: 'Dashboard groups' },
  'dashboardGroups.*': { label: 'Group *' },
  privacyMode: { label: 'Privacy mode' },
  name: { label: 'Name' },
  enabled: { label: 'Enabled' },
  jiraUrl: { label: 'Jira URL' },
  jiraEmail: { label: 'Jira email' },
  jiraToken: { label: 'Jira API token' },
  confluenceUrl: { label: 'Confluence URL' },
  confluenceEmail: { label: 'Confluence email' },
  confluenceToken: { label: 'Confluence API token' },
  viewGroups: { label: 'Title groups' },
  'viewGroups.*': { label: 'Title group *' },
  showRestrictedTitles: { label: 'Show titles of restricted items' },
  since: { label: 'From' },
  until: { label: 'To' },
  teamId: { label: 'Team' },
  externalIds: { label: 'Identities' },
  'externalIds.*.value': { label: 'Identity *' },
  'externalIds.*.type': { label: 'Identity * type' },
  'externalIds.*.dataSourceId': { label: 'Identity * source' },
  users: { label: 'People' },
  groupName: { label: 'Group' },
  query: { label: 'Search' },
  limit: { label: 'Number of runs', unit: 'runs' },
  keepId: { label: 'Teammate to keep' },
  mergeIds: { label: 'Teammates to merge' },
  'filters.range': { label: 'Date range' },
  'filters.from': { label: 'From' },
  'filters.to': { label: 'To' },
  'filters.teamId': { label: 'Team' },
  'filters.teammateId': { label: 'Teammate' },
  'filters.source': { label: 'Product' },
  'filters.dataSourceId': { label: 'Data source' },
  'filters.kind': { label: 'Activity kind' },
  'filters.container': { label: 'Project or space' },
  config: { label: 'Gadget settings' },
  'config.rangeDays': { label: 'Days shown', unit: 'days' },
  'config.kinds': { label: 'Activity kinds' },
  'config.kinds.*': { label: 'Activity kind *' },
  'config.target': { label: 'Team or teammate' },
  'config.target.type': { label: 'Team or teammate' },
  'config.target.id': { label: 'Team or teammate' },
  'config.refresh': { label: 'Automatic refresh', unit: 'minutes' },
};

/** "externalIds.0.value" → "Identity 1"; an unknown path → its last name in words ("Page size"). */
export function fieldLabel(field: string): FieldLabel {
  const parts = field.split('.');
  const pattern = parts.map((p) => (/^\d+$/.test(p) ? '*' : p)).join('.');
  // Own keys only: a path may name anything a caller sent ("constructor", "__proto__").
  const known = Object.prototype.hasOwnProperty.call(LABELS, pattern) ? LABELS[pattern] : undefined;
  if (known) {
    const index = parts.find((p) => /^\d+$/.test(p));
    return { ...known, label: known.label.replace('*', index === undefined ? '' : String(Number(index) + 1)).trim() };
  }
  const last = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? 'value';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return { label: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** zod's own wording, which names types and operators; anything else was written for people. */
const ZOD_DEFAULT = /^(Invalid|Too small|Too big|Unrecognized)/;

const withUnit = (n: number | bigint, unit?: string) => `${n}${unit ? ` ${unit}` : ''}`;

function sentence(issue: z.core.$ZodIssue, unit?: string): string {
  if (!ZOD_DEFAULT.test(issue.message)) {
    const m = issue.message;
    return /^[A-Z][a-z]/.test(m) ? m.charAt(0).toLowerCase() + m.slice(1) : m;
  }
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves the input out of an issue; its message says what it received.
      if (/received undefined$/.test(issue.message)) return 'required';
      if (issue.expected === 'int') return 'enter a whole number';
      if (issue.expected === 'number') return 'enter a number';
      if (issue.expected === 'boolean') return 'choose yes or no';
      if (issue.expected === 'array') return 'expected a list';
      return 'enter text';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : `at least ${issue.minimum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? 'choose at least one' : `choose at least ${issue.minimum}`;
      return `at least ${withUnit(issue.minimum, unit)}`;
    case 'too_big':
      if (issue.origin === 'string') return `at most ${issue.maximum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `at most ${issue.maximum}`;
      return `at most ${withUnit(issue.maximum, unit)}`;
    case 'invalid_value':
      return issue.values.length <= 6 ? `choose one of ${issue.values.map(String).join(', ')}` : 'choose one of the options';
    case 'invalid_format':
      return 'not in the expected format';
    case 'not_multiple_of':
      return `use a multiple of ${issue.divisor}`;
    default:
      return 'not valid';
  }
}

/** One problem per field (the first zod found for it), in the order of the payload. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (out.some((p) => p.field === field)) continue;
    if (issue.code === 'unrecognized_keys') {
      out.push({ field, message: `Unexpected field(s): ${issue.keys.join(', ')}` });
      continue;
    }
    if (!field) {
      out.push({ field, message: ZOD_DEFAULT.test(issue.message) ? 'The request is not valid: reload the page.' : issue.message });
      continue;
    }
    // A contract's own full sentence ("Choose a range of 7, 14 or 30 days.") reads on its own.
    if (!ZOD_DEFAULT.test(issue.message) && /^[A-Z].*\.$/.test(issue.message)) {
      out.push({ field, message: issue.message });
      continue;
    }
    const { label, unit } = fieldLabel(field);
    out.push({ field, message: `${label}: ${sentence(issue, unit)}` });
  }
  return out;
}
