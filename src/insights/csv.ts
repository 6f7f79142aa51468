import { KIND_LABELS } from '../shared/activity-kinds';
import type { FeedEvent } from '../shared/dashboard-contract';
import { isoInZone } from '../shared/zoned-time';

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

/** Excel reads a CSV without a byte order mark in the machine's legacy code page (accents break). */
export const UTF8_BOM = '\uFEFF';

export interface CsvOptions {
  /** The first chunk: starts with the byte order mark and the header line. */
  first: boolean;
  /** Data source names by id (a removed source keeps its id). */
  dataSourceNames: ReadonlyMap<string, string>;
  /** The viewer's IANA time zone: times are written with its offset. */
  timeZone: string;
}

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

export function csvRow(e: FeedEvent, options: Omit<CsvOptions, 'first'>): string {
  const restricted = e.restricted !== null;
  const cells = [
    isoInZone(e.at, options.timeZone),
    e.teammateName,
    KIND_LABELS[e.kind],
    e.source,
    options.dataSourceNames.get(e.dataSourceId) ?? e.dataSourceId,
    e.container.key ?? RESTRICTED_TEXT,
    e.container.name ?? RESTRICTED_TEXT,
    restricted ? RESTRICTED_TEXT : (e.entityKey ?? ''),
    restricted ? RESTRICTED_TEXT : (e.title ?? ''),
    restricted ? '' : (e.url ?? ''),
    e.seconds !== undefined ? (e.seconds / 3600).toFixed(2) : '',
  ];
  return cells.map(csvField).join(',');
}

export function toCsv(events: FeedEvent[], options: CsvOptions): string {
  const lines = events.map((e) => csvRow(e, options));
  if (!options.first) return lines.length ? `${lines.join('\r\n')}\r\n` : '';
  return `${UTF8_BOM}${[CSV_COLUMNS.map(csvField).join(','), ...lines].join('\r\n')}\r\n`;
}
