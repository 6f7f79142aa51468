import { apiBaseUrl } from '../../src/domain/config';
import { dataSourceFormat } from '../../src/store/config-formats';
import { StoredConfigError } from '../../src/store/stored-errors';

const at = '2026-11-02T09:00:00.000Z';
/** A data source as format 1 wrote it: no `v`, no token kind (every token was classic). */
const v1Cloud = {
  id: 'ds-1',
  kind: 'cloud' as const,
  name: 'Globex',
  enabled: true,
  jiraUrl: 'https://globex.atlassian.net',
  jiraEmail: 'gina@globex.test',
  jiraTokenSetAt: at,
  confluenceUrl: 'https://globex.atlassian.net/wiki',
  createdAt: at,
  updatedAt: at,
};
const CLOUD_ID = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('data source format 3 (token kinds)', () => {
  it('reads a format-1 external source as a classic token on the site address, and writes it back as format 3', () => {
    const ds = dataSourceFormat.decode(v1Cloud, 'data source datasource:ds-1');
    expect(ds).toMatchObject({ ...v1Cloud, tokenKind: 'classic' });
    expect(ds.cloudId).toBeUndefined();
    expect(apiBaseUrl(ds, 'jira')).toBe('https://globex.atlassian.net');
    expect(apiBaseUrl(ds, 'confluence')).toBe('https://globex.atlassian.net');
    expect(dataSourceFormat.encode(ds)).toMatchObject({ v: 3, tokenKind: 'classic', showRestrictedTitles: false });
  });

  it('reads a format-2 external source (with its restricted-titles setting) as a classic token', () => {
    const ds = dataSourceFormat.decode({ ...v1Cloud, v: 2, showRestrictedTitles: true }, 'data source datasource:ds-1');
    expect(ds).toMatchObject({ tokenKind: 'classic', showRestrictedTitles: true });
  });

  it('reads a format-1 host source unchanged (the host has no token)', () => {
    const host = { ...v1Cloud, id: 'host', kind: 'host' };
    delete (host as Partial<typeof host>).jiraEmail;
    expect(dataSourceFormat.decode(host, 'data source datasource:host').tokenKind).toBeUndefined();
  });

  it('keeps a scoped source with its cloud id; every call goes through the gateway', () => {
    const stored = dataSourceFormat.encode({ ...v1Cloud, tokenKind: 'scoped', cloudId: CLOUD_ID });
    const ds = dataSourceFormat.decode(stored, 'data source datasource:ds-1');
    expect(ds).toMatchObject({ tokenKind: 'scoped', cloudId: CLOUD_ID });
    expect(apiBaseUrl(ds, 'jira')).toBe(`https://api.atlassian.com/ex/jira/${CLOUD_ID}`);
    expect(apiBaseUrl(ds, 'confluence')).toBe(`https://api.atlassian.com/ex/confluence/${CLOUD_ID}`);
  });

  it.each([
    ['an external source without a token kind', { ...v1Cloud, v: 3 }, /tokenKind/],
    ['a scoped source without its cloud id', { ...v1Cloud, v: 3, tokenKind: 'scoped' }, /cloudId/],
    ['a cloud id that is not one', { ...v1Cloud, v: 3, tokenKind: 'scoped', cloudId: '../../evil' }, /cloudId/],
  ])('refuses %s in format 3 by field name, never guessing', (_what, raw, field) => {
    expect(() => dataSourceFormat.decode(raw, 'data source datasource:ds-1')).toThrow(StoredConfigError);
    expect(() => dataSourceFormat.decode(raw, 'data source datasource:ds-1')).toThrow(field);
  });
});
