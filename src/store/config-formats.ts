import {
  dataSourceSchema,
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
 * Data sources: 1 = before "show titles of restricted items" existed (read as off); 2 (today) =
 * the setting written for every other site, so a stored source says what it shows.
 */
export const dataSourceFormat = defineFormat<DataSource>({
  readers: {
    1: zodReader(dataSourceSchema.omit({ showRestrictedTitles: true }), (d) => (d.kind === 'cloud' ? { ...d, showRestrictedTitles: false } : d)),
    2: zodReader(dataSourceSchema, (d) => d),
  },
  write: (d) => dataSourceSchema.parse(d.kind === 'cloud' ? { ...d, showRestrictedTitles: d.showRestrictedTitles === true } : d),
  malformed: configError,
});
