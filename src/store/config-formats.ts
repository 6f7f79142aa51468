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

export const dataSourceFormat = defineFormat<DataSource>({
  readers: { 1: zodReader(dataSourceSchema, (d) => d) },
  write: (d) => dataSourceSchema.parse(d),
  malformed: configError,
});
