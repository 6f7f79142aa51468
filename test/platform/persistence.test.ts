import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { startFixturePlatform } from './helpers';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ap-kvs-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('KVS persistence', () => {
  it('saves debounced after writes and on close, and loads at start', async () => {
    const file = join(dir, 'state', 'kvs.json');
    const p1 = await startFixturePlatform({ kvsFile: file });
    await kvs.set('config:settings', { theme: 'dark' });
    await kvs.set('lease:x', 'held', { ttl: { value: 1, unit: 'HOURS' } });
    await kvs.setSecret('secret:ds:jira-token', 'tok');
    await kvs.entity('task').set('t1', { owner: 'ann', priority: 3 });
    await new Promise((r) => setTimeout(r, 400));
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).entities.task).toHaveLength(1);
    await kvs.set('late', 'written just before close');
    await p1.close();

    const p2 = await startFixturePlatform({ kvsFile: file });
    try {
      expect(await kvs.get('config:settings')).toEqual({ theme: 'dark' });
      expect(await kvs.get('late')).toBe('written just before close');
      expect(await kvs.getSecret('secret:ds:jira-token')).toBe('tok');
      expect(await kvs.entity('task').get('t1')).toEqual({ owner: 'ann', priority: 3 });
      const page = await kvs.entity('task').query().index('by-owner', { partition: ['ann'] }).getMany();
      expect(page.results.map((r) => r.key)).toEqual(['t1']);
      const lease = await kvs.get('lease:x', { metadataFields: ['EXPIRE_TIME' as never] });
      expect(Date.parse((lease as { expireTime: string }).expireTime)).toBeGreaterThan(Date.now() + 50 * 60_000);
    } finally {
      await p2.close();
    }
  });

  it('a platform without kvsFile keeps nothing between starts', async () => {
    const p1 = await startFixturePlatform();
    await kvs.set('ephemeral', 1);
    await p1.close();
    const p2 = await startFixturePlatform();
    try {
      expect(await kvs.get('ephemeral')).toBeUndefined();
    } finally {
      await p2.close();
    }
  });
});
