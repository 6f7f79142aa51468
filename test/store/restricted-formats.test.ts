import { decodeActivity, encodeActivity } from '../../src/store/activity-format';
import { dataSourceFormat } from '../../src/store/config-formats';
import { generateActivity } from '../dashboard/helpers/activities';

/** Activity format 2 and data source format 2: what older rows and documents read as. */
describe('restriction fields in stored formats', () => {
  it('reads an activity written before restrictions were recorded as unknown, and writes format 2', () => {
    const { restricted: _dropped, ...old } = generateActivity({ dataSourceId: 'globex', restricted: true });
    const row = { doc: old };
    expect(decodeActivity(row, 'a1').restricted).toBe('unknown');
    const today = encodeActivity({ ...old });
    expect(today.doc).toMatchObject({ v: 2, restricted: 'unknown' });
    expect(decodeActivity(encodeActivity(generateActivity({ dataSourceId: 'globex', restricted: true })), 'a2').restricted).toBe(true);
  });

  it('refuses a format-2 activity without the field rather than guessing', () => {
    const { restricted: _dropped, ...doc } = generateActivity({ dataSourceId: 'globex' });
    expect(() => decodeActivity({ doc: { ...doc, v: 2 } }, 'a3')).toThrow(/restricted/);
  });

  it('reads a data source of format 1 as not showing restricted titles, and writes the setting', () => {
    const at = '2026-11-01T00:00:00.000Z';
    const v1 = { id: 'globex', kind: 'cloud', name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', createdAt: at, updatedAt: at };
    expect(dataSourceFormat.decode(v1, 'datasource:globex').showRestrictedTitles).toBe(false);
    // Today's format (3, token kinds) writes the setting, and the token kind format 1 implies.
    expect(dataSourceFormat.encode(dataSourceFormat.decode(v1, 'datasource:globex'))).toMatchObject({ v: 3, showRestrictedTitles: false, tokenKind: 'classic' });
  });
});
