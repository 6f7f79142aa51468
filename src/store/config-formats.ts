import {
  dataSourceSchema,
  dataSourceBeforeTokenKindsSchema,
  settingsSchema,
  teammatesDocSchema,
  type DataSource,
  type Settings,
  type TeammatesDoc,
} from '../domain/config';
import { StoredConfigError } from './stored-errors';
import { defineFormat, zodReader } from './stored-format';

/**
 * The stored configuration documents. Version 1 is the shape the app has always written (the
 * settings and teammates documents already said `v: 1`; data sources said nothing).
 */
const configError = (where: string, paths: string) => new StoredConfigError(where, paths);

export const settingsFormat = defineFormat<Settings>({
  readers: { 1: zodReader(settingsSchema, (s) => s) },
  write: (s) => settingsSchema.parse(s),
  malformed: configError,
});

export const teammatesFormat = defineFormat<TeammatesDoc>({
  readers: { 1: zodReader(teammatesDocSchema, (d) => d) },
  write: (d) => teammatesDocSchema.parse(d),
  malformed: configError,
});

/**
 * Data sources: 1 = before "show titles of restricted items" existed (read as off); 2 = that
 * setting written for every other site; 3 (today) = also the token kind of every other site
 * (formats 1 and 2 read as classic: a token used on the site's own address) and, for a scoped
 * token, the site's cloud id.
 */
const classic = <T extends { kind: DataSource['kind'] }>(d: T): T => (d.kind === 'cloud' ? { ...d, tokenKind: 'classic' } : d);
export const dataSourceFormat = defineFormat<DataSource>({
  readers: {
    1: zodReader(dataSourceBeforeTokenKindsSchema.omit({ showRestrictedTitles: true }), (d) => classic(d.kind === 'cloud' ? { ...d, showRestrictedTitles: false } : d)),
    2: zodReader(dataSourceBeforeTokenKindsSchema, (d) => classic(d)),
    3: zodReader(dataSourceSchema, (d) => d),
  },
  write: (d) => dataSourceSchema.parse(d.kind === 'cloud' ? { ...d, showRestrictedTitles: d.showRestrictedTitles === true } : d),
  malformed: configError,
});
