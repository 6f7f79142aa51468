import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EntityDef } from './entity-schema';
import { type KvsCode, KvsError } from './errors';
import { KvsOperations, type OpResult } from './operations';
import { KvsStore, type StoreSnapshot } from './store';

export interface KvsEmulatorOptions {
  /** Custom entity definitions (from manifest.yml `app.storage.entities`). */
  entities?: Map<string, EntityDef>;
  /** Persist to this JSON file: loaded at start, saved debounced after writes and on close. */
  file?: string;
  saveDebounceMs?: number;
  /**
   * Wait out setLatency() for real (default). False in virtual time: the runtime then charges
   * the latency to the calling invocation's clock instead (see local/runtime/time-model.ts).
   */
  realLatency?: boolean;
}

export interface KvsDump {
  plain: Record<string, unknown>;
  secrets: Record<string, unknown>;
  entities: Record<string, Record<string, unknown>>;
}

interface InjectedError {
  op?: string;
  code: KvsCode;
  message: string;
  remaining: number;
}

type Body = Record<string, unknown>;

/**
 * The Forge KVS + Custom Entity Store behind `__forge_fetch__({type:'kvs'}, '/api/v1/...')`,
 * answering the wire protocol @forge/kvs speaks (status codes, bodies and error shapes).
 */
export class KvsEmulator {
  readonly store = new KvsStore();
  private readonly ops: KvsOperations;
  private entityDefs: Map<string, EntityDef>;
  private latency = 0;
  private calls: Record<string, number> = {};
  private injected: InjectedError[] = [];
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly file?: string;
  private readonly debounceMs: number;
  private readonly realLatency: boolean;

  constructor(opts: KvsEmulatorOptions = {}) {
    this.entityDefs = opts.entities ?? new Map();
    this.ops = new KvsOperations(this.store, () => this.entityDefs);
    this.file = opts.file;
    this.debounceMs = opts.saveDebounceMs ?? 250;
    this.realLatency = opts.realLatency ?? true;
    if (this.file && existsSync(this.file)) {
      this.store.restore(JSON.parse(readFileSync(this.file, 'utf8')) as StoreSnapshot);
    }
    this.store.onChange = () => this.scheduleSave();
  }

  setEntities(defs: Map<string, EntityDef>): void {
    this.entityDefs = defs;
  }

  /** Delay every call by `ms` (simulates KVS round trips in benchmarks and timeout tests). */
  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  /** The latency setLatency() configured. */
  get latencyMs(): number {
    return this.latency;
  }

  /**
   * Entity queries: 'filter-then-limit' (default: a page has up to `limit` matching rows) or
   * 'limit-then-filter' (`limit` rows are read, then filtered; pages may be short or empty).
   */
  setEntityQueryMode(mode: 'filter-then-limit' | 'limit-then-filter'): void {
    this.ops.queries.limitBeforeFilter = mode === 'limit-then-filter';
  }

  /** Answer the next `times` calls (of `op`, e.g. 'set' or 'entity/query', or any) with `code`. */
  injectError(e: { op?: string; code: KvsCode; times?: number; message?: string }): void {
    this.injected.push({ op: e.op, code: e.code, message: e.message ?? `Injected ${e.code}`, remaining: e.times ?? 1 });
  }

  /** Calls per operation ('get', 'secret/set', 'entity/query', 'batch/set', 'transaction', ...). */
  get stats(): { calls: Record<string, number>; total: number } {
    return { calls: { ...this.calls }, total: Object.values(this.calls).reduce((a, b) => a + b, 0) };
  }

  resetStats(): void {
    this.calls = {};
  }

  /**
   * Answers one request. `beforeApply` runs after the simulated latency (waited out only with
   * realLatency), right before the operation touches data: the runtime uses it to drop requests
   * of a frozen invocation.
   */
  async handle(path: string, init?: { body?: unknown }, beforeApply?: () => void): Promise<Response> {
    const op = path.replace(/^\/api\/v1\//, '');
    this.calls[op] = (this.calls[op] ?? 0) + 1;
    if (this.latency > 0 && this.realLatency) await new Promise((r) => setTimeout(r, this.latency));
    beforeApply?.();
    let result: OpResult;
    try {
      this.consumeInjected(op);
      result = this.dispatch(op, parseBody(init?.body));
    } catch (e) {
      if (!(e instanceof KvsError)) throw e;
      return json(e.status, e.toBody());
    }
    return result.body === undefined ? new Response(null, { status: result.status }) : json(result.status, result.body);
  }

  private dispatch(op: string, body: unknown): OpResult {
    const b = (body ?? {}) as Body;
    switch (op) {
      case 'get': return this.ops.get({ kind: 'plain' }, b);
      case 'set': return this.ops.set({ kind: 'plain' }, b);
      case 'delete': return this.ops.delete({ kind: 'plain' }, b);
      case 'query': return this.ops.query(b);
      case 'secret/get': return this.ops.get({ kind: 'secret' }, b);
      case 'secret/set': return this.ops.set({ kind: 'secret' }, b);
      case 'secret/delete': return this.ops.delete({ kind: 'secret' }, b);
      case 'entity/get': return this.ops.get(this.ops.entityNs(b.entityName), b);
      case 'entity/set': return this.ops.set(this.ops.entityNs(b.entityName), b);
      case 'entity/delete': return this.ops.delete(this.ops.entityNs(b.entityName), b);
      case 'entity/query': return this.ops.entityQuery(b);
      case 'batch/set': return this.ops.batchSet(body);
      case 'batch/get': return this.ops.batchGet(body);
      case 'batch/delete': return this.ops.batchDelete(body);
      case 'transaction': return this.ops.transaction(b);
      default:
        return { status: 404, body: { code: 'INVALID_REQUEST', message: `The local KVS has no operation /api/v1/${op}.` } };
    }
  }

  private consumeInjected(op: string): void {
    const hit = this.injected.find((e) => e.remaining > 0 && (e.op === undefined || e.op === op));
    if (!hit) return;
    hit.remaining -= 1;
    this.injected = this.injected.filter((e) => e.remaining > 0);
    throw new KvsError(hit.code, hit.message);
  }

  /** Everything stored, as plain values: for assertions and secret scanners. */
  dump(): KvsDump {
    const s = this.store.snapshot();
    const entities: KvsDump['entities'] = {};
    for (const [name, rows] of Object.entries(s.entities)) {
      if (rows.length) entities[name] = Object.fromEntries(rows.map(([k, r]) => [k, r.value]));
    }
    return {
      plain: Object.fromEntries(s.plain.map(([k, r]) => [k, r.value])),
      secrets: Object.fromEntries(s.secrets.map(([k, r]) => [k, r.value])),
      entities,
    };
  }

  /** Drops all data, call counts, latency and injected errors. */
  reset(): void {
    this.store.clear();
    this.calls = {};
    this.latency = 0;
    this.injected = [];
    this.ops.queries.limitBeforeFilter = false;
  }

  /** Writes the file now (if persisting). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.store.snapshot()));
    renameSync(tmp, this.file);
  }

  async close(): Promise<void> {
    this.flush();
  }

  private scheduleSave(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), this.debounceMs);
    this.saveTimer.unref();
  }
}

function parseBody(raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw new KvsError('INVALID_REQUEST', 'The local KVS expects a JSON string body.');
  try {
    return JSON.parse(raw);
  } catch {
    throw new KvsError('INVALID_REQUEST', 'The request body is not valid JSON.');
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
