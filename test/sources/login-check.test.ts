import { getCurrentUser } from '../../src/sources/confluence/get-current-user';
import { AuthError } from '../../src/sources/errors';
import { searchIssueIds } from '../../src/sources/jira/search-jql';
import { withLoginCheck } from '../../src/sources/login-check';
import { scriptedClient } from './fake-site-client';

describe('answers to a refused login', () => {
  it('a 200 with X-Seraph-LoginReason: AUTHENTICATED_FAILED is an authentication failure, not an empty page', async () => {
    const { client } = scriptedClient([{ body: { issues: [], isLast: true }, headers: { 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' } }]);
    await expect(searchIssueIds(withLoginCheck(client), 'updated >= 0')).rejects.toBeInstanceOf(AuthError);
  });

  it('the CAPTCHA variant too; an answer without the header passes', async () => {
    const { client } = scriptedClient([
      { body: { issues: [] }, headers: { 'x-seraph-loginreason': 'AUTHENTICATION_DENIED' } },
      { body: { issues: [{ id: '1' }], isLast: true }, headers: { 'x-seraph-loginreason': 'OK' } },
    ]);
    const checked = withLoginCheck(client);
    await expect(searchIssueIds(checked, 'updated >= 0')).rejects.toBeInstanceOf(AuthError);
    await expect(searchIssueIds(checked, 'updated >= 0')).resolves.toEqual({ ids: ['1'] });
  });

  it('Confluence\'s current user of type "anonymous" is an authentication failure', async () => {
    const { client } = scriptedClient([{ body: { type: 'anonymous', displayName: 'Anonymous' } }], 'confluence');
    await expect(getCurrentUser(client)).rejects.toBeInstanceOf(AuthError);
  });
});
