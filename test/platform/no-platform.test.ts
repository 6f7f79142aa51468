import { kvs } from '@forge/kvs';
import { asApp, route } from '@forge/api';
import { startFixturePlatform } from './helpers';

describe('before a platform is started', () => {
  it('Forge requests fail with an error that says what to do', async () => {
    await expect(kvs.get('x')).rejects.toThrow(/no local Forge platform is running\. Start one with startLocalPlatform\(\)/);
    await expect(asApp().requestJira(route`/rest/api/3/myself`)).rejects.toThrow(/no local Forge platform is running/);
    await expect(fetch('https://acme.atlassian.net/rest/api/3/myself')).rejects.toThrow(/no local Forge platform is running/);
  });

  it('loopback fetches (the emulators themselves) pass through untouched', async () => {
    await expect(fetch('http://127.0.0.1:1/')).rejects.toThrow('fetch failed');
  });

  it('after close(), requests fail again', async () => {
    const p = await startFixturePlatform();
    await kvs.set('a', 1);
    expect(await kvs.get('a')).toBe(1);
    await p.close();
    await expect(kvs.get('a')).rejects.toThrow(/no local Forge platform is running/);
  });
});
