import { kvs, WhereConditions } from '@forge/kvs';
import { KvsEmulator } from '../../local/kvs/emulator';
import type { LocalPlatform } from '../../local/platform';
import { rejection, startFixturePlatform } from './helpers';

let p: LocalPlatform;
beforeAll(async () => { p = await startFixturePlatform(); });
afterAll(async () => { await p.close(); });
beforeEach(() => { p.kvs.reset(); p.kvs.store.now = () => Date.now(); });

describe('@forge/kvs get/set/delete against the emulator', () => {
  it('round-trips JSON values and swallows KEY_NOT_FOUND on get and delete', async () => {
    await kvs.set('config:settings', { a: 1, nested: { list: [1, 'two', null] } });
    expect(await kvs.get('config:settings')).toEqual({ a: 1, nested: { list: [1, 'two', null] } });
    expect(await kvs.get('missing')).toBeUndefined();
    await kvs.delete('config:settings');
    await expect(kvs.delete('config:settings')).resolves.toBeUndefined();
    expect(await kvs.get('config:settings')).toBeUndefined();
    expect(p.kvs.stats.calls).toMatchObject({ set: 1, get: 3, delete: 2 });
  });

  it('returns metadata fields when asked, and the object form for any options', async () => {
    p.kvs.store.now = () => Date.parse('2026-11-02T10:00:00.000Z');
    await kvs.set('k1', 'v1', { ttl: { value: 2, unit: 'HOURS' } });
    p.kvs.store.now = () => Date.parse('2026-11-02T10:30:00.000Z');
    await kvs.set('k1', 'v2', { ttl: { value: 2, unit: 'HOURS' } });
    const got = await kvs.get('k1', { metadataFields: ['CREATED_AT' as never, 'UPDATED_AT' as never, 'EXPIRE_TIME' as never] });
    expect(got).toEqual({
      key: 'k1',
      value: 'v2',
      createdAt: Date.parse('2026-11-02T10:00:00.000Z') / 1000,
      updatedAt: Date.parse('2026-11-02T10:30:00.000Z') / 1000,
      expireTime: '2026-11-02T12:30:00.000Z',
    });
    expect(await kvs.get('k1', {})).toEqual({ key: 'k1', value: 'v2' });
  });

  it('expires values after their TTL', async () => {
    let now = Date.parse('2026-11-02T10:00:00.000Z');
    p.kvs.store.now = () => now;
    await kvs.set('lease:a', { owner: 'x' }, { ttl: { value: 30, unit: 'SECONDS' } });
    now += 29_000;
    expect(await kvs.get('lease:a')).toEqual({ owner: 'x' });
    now += 2_000;
    expect(await kvs.get('lease:a')).toBeUndefined();
    expect(p.kvs.dump().plain).toEqual({});
  });

  it('FAIL_IF_EXISTS rejects an existing key with 409 KEY_CONFLICT and keeps the old value', async () => {
    await kvs.set('lease:b', 'first', { keyPolicy: 'FAIL_IF_EXISTS' as never });
    const err = await rejection(() => kvs.set('lease:b', 'second', { keyPolicy: 'FAIL_IF_EXISTS' as never }));
    expect(err.name).toBe('ForgeKvsError');
    expect(err.code).toBe('KEY_CONFLICT');
    expect((err.responseDetails as { status: number }).status).toBe(409);
    expect(await kvs.get('lease:b')).toBe('first');
    await kvs.set('lease:b', 'third', { keyPolicy: 'OVERRIDE' as never });
    expect(await kvs.get('lease:b')).toBe('third');
  });

  it('returnValue PREVIOUS / LATEST with metadata', async () => {
    p.kvs.store.now = () => 1_700_000_000_000;
    const none = await kvs.set('rv', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' } as never);
    expect(none).toBeUndefined();
    const prev = await kvs.set('rv', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS', returnMetadataFields: ['CREATED_AT'] } as never);
    expect(prev).toEqual({ key: 'rv', value: 1, createdAt: 1_700_000_000 });
    const latest = await kvs.set('rv', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' } as never);
    expect(latest).toEqual({ key: 'rv', value: 3 });
  });

  it('keeps secrets in their own namespace', async () => {
    await kvs.setSecret('secret:ds1:jira-token', 'tok-123');
    await kvs.set('secret:ds1:jira-token', 'plain-value');
    expect(await kvs.getSecret('secret:ds1:jira-token')).toBe('tok-123');
    expect(await kvs.get('secret:ds1:jira-token')).toBe('plain-value');
    const page = await kvs.query().where('key', WhereConditions.beginsWith('secret:')).getMany();
    expect(page.results.map((r) => r.value)).toEqual(['plain-value']);
    expect(p.kvs.dump().secrets).toEqual({ 'secret:ds1:jira-token': 'tok-123' });
    await kvs.deleteSecret('secret:ds1:jira-token');
    expect(await kvs.getSecret('secret:ds1:jira-token')).toBeUndefined();
    expect(p.kvs.stats.calls['secret/get']).toBe(2);
  });
});

describe('kvs.query', () => {
  it('pages by prefix in key order with the cursor sent as `after`', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`cursor:ds:${String(i).padStart(2, '0')}`, i);
    await kvs.set('cursos', 'not matching');
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('cursor:')).limit(7);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany();
      seen.push(...page.results.map((r) => r.value as number));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(pages).toBe(4);
    const first = await kvs.query().where('key', WhereConditions.beginsWith('cursor:')).getOne();
    expect(first).toEqual({ key: 'cursor:ds:00', value: 0 });
  });

  it('defaults to 10 results and rejects a limit above 20', async () => {
    for (let i = 0; i < 12; i++) await kvs.set(`q${String(i).padStart(2, '0')}`, i);
    const page = await kvs.query().getMany();
    expect(page.results).toHaveLength(10);
    expect(page.nextCursor).toEqual(expect.any(String));
    const err = await rejection(() => kvs.query().limit(21).getMany());
    expect(err.code).toBe('INVALID_LIMIT');
  });
});

describe('documented limits answer Forge error codes', () => {
  it.each([
    ['empty', '', 'KEY_TOO_SHORT'],
    ['501 characters', 'x'.repeat(501), 'KEY_TOO_LONG'],
    ['with a slash', 'bad/key', 'INVALID_KEY'],
    ['only spaces', '   ', 'INVALID_KEY'],
  ])('a key %s -> %s', async (_label, key, code) => {
    const err = await rejection(() => kvs.set(key, 1));
    expect(err.code).toBe(code);
    expect((err.responseDetails as { status: number }).status).toBe(400);
  });

  it('accepts a 500-character key with every allowed character class', async () => {
    const key = `a-Z_0.9:#  ${'k'.repeat(489)}`;
    expect(key).toHaveLength(500);
    await kvs.set(key, true);
    expect(await kvs.get(key)).toBe(true);
  });

  it('rejects values over 240 KiB with MAX_SIZE and accepts one just under', async () => {
    const err = await rejection(() => kvs.set('big', 'x'.repeat(240 * 1024)));
    expect(err.code).toBe('MAX_SIZE');
    await kvs.set('big', 'x'.repeat(240 * 1024 - 2));
    expect(((await kvs.get('big')) as string).length).toBe(240 * 1024 - 2);
  });

  it('rejects values nested deeper than 32 with MAX_DEPTH', async () => {
    const nest = (d: number): unknown => (d === 0 ? 1 : { n: nest(d - 1) });
    await kvs.set('deep-ok', nest(32));
    const err = await rejection(() => kvs.set('deep', nest(33)));
    expect(err.code).toBe('MAX_DEPTH');
    expect(await kvs.get('deep')).toBeUndefined();
  });

  it('answers 429 RATE_LIMIT_EXCEEDED when a fault is injected, then recovers', async () => {
    p.kvs.injectError({ op: 'get', code: 'RATE_LIMIT_EXCEEDED', times: 1 });
    const err = await rejection(() => kvs.get('anything'));
    expect(err.code).toBe('RATE_LIMIT_EXCEEDED');
    expect((err.responseDetails as { status: number }).status).toBe(429);
    expect(await kvs.get('anything')).toBeUndefined();
  });

  it('adds the configured latency to every call: waited out in wall time', async () => {
    // A fresh emulator under fake timers: the wait is observed without measuring real time.
    jest.useFakeTimers();
    try {
      const emu = new KvsEmulator();
      emu.setLatency(40);
      let answered = false;
      const call = emu.handle('/api/v1/get', { body: JSON.stringify({ key: 'x' }) }).then((r) => { answered = true; return r; });
      await jest.advanceTimersByTimeAsync(39);
      expect(answered).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(answered).toBe(true);
      expect((await call).status).toBe(404);
    } finally {
      jest.useRealTimers();
    }
  });

  it('adds the configured latency to every call: charged to the invocation in virtual time', async () => {
    // Under fake timers that are never advanced, a call that waited on a timer would not answer.
    jest.useFakeTimers();
    try {
      const v = new KvsEmulator({ realLatency: false });
      v.setLatency(40);
      expect((await v.handle('/api/v1/get', { body: JSON.stringify({ key: 'x' }) })).status).toBe(404);
      // The runtime charges it to the calling invocation instead (see virtual-time.test.ts).
      expect(v.latencyMs).toBe(40);
    } finally {
      jest.useRealTimers();
    }
  });
});
