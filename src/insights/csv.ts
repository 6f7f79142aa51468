import { KIND_LABELS } from '../shared/activity-kinds';
import type { FeedEvent } from '../shared/dashboard-contract';

export const CSV_COLUMNS = [
  'time',
  'teammate',
  'kind',
  'source',
  'data source',
  'project/space',
  'project/space name',
  'item',
  'title',
  'link',
  'hours',
] as const;

export const RESTRICTED_TEXT = 'restricted';

/**
 * Text a spreadsheet may run as a formula: a formula sign (`=`, `+`, `-`, `@`, or their
 * full-width forms, which some spreadsheet locales accept as the same signs), possibly after
 * leading whitespace or invisible format characters (spreadsheets trim those before parsing), or
 * a leading tab or carriage return (OWASP's CSV injection list).
 */
const FORMULA_START = /^[\s\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/**
 * RFC 4180 fields, plus a leading apostrophe on text a spreadsheet would run as a formula
 * (titles, names and keys are user-written).
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(e: FeedEvent): string {
  const restricted = e.restricted !== null;
  const cells = [
    e.at,
    e.teammateName,
    KIND_LABELS[e.kind],
    e.source,
    e.dataSourceId,
    e.container.key ?? RESTRICTED_TEXT,
    e.container.name ?? RESTRICTED_TEXT,
    restricted ? RESTRICTED_TEXT : (e.entityKey ?? ''),
    restricted ? RESTRICTED_TEXT : (e.title ?? ''),
    restricted ? '' : (e.url ?? ''),
    e.seconds !== undefined ? (e.seconds / 3600).toFixed(2) : '',
  ];
  return cells.map(csvField).join(',');
}

export function toCsv(events: FeedEvent[], withHeader: boolean): string {
  const lines = events.map(csvRow);
  if (withHeader) lines.unshift(CSV_COLUMNS.map(csvField).join(','));
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}
