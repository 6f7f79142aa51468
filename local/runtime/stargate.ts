import { z } from 'zod';
import type { EventQueue } from './event-queue';

const reportSchema = z.object({
  accounts: z.array(z.object({ accountId: z.string().min(1), updatedAt: z.string().min(1) })).min(1).max(90),
});

/**
 * The personal data reporting API (`privacy.reportPersonalData`): answers which reported
 * accounts were closed, or updated after the `updatedAt` the app sent. Configurable per test.
 */
export class PersonalDataReporting {
  private closed = new Set<string>();
  private updated = new Map<string, number>();
  /** Every account the app reported, in call order. */
  readonly reported: Array<{ accountId: string; updatedAt: string }> = [];
  calls = 0;

  closeAccount(accountId: string): void {
    this.closed.add(accountId);
  }

  /** The account's profile changed at `at`: reports after an older `updatedAt` get 'updated'. */
  markUpdated(accountId: string, at: string | Date): void {
    this.updated.set(accountId, new Date(at).getTime());
  }

  reset(): void {
    this.closed.clear();
    this.updated.clear();
    this.reported.length = 0;
    this.calls = 0;
  }

  handle(raw: unknown): Response {
    this.calls += 1;
    const p = reportSchema.safeParse(raw);
    if (!p.success) {
      return new Response(JSON.stringify({ message: `Invalid report-accounts request: ${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` }), { status: 400 });
    }
    const accounts: Array<{ accountId: string; status: 'closed' | 'updated' }> = [];
    for (const a of p.data.accounts) {
      this.reported.push(a);
      if (this.closed.has(a.accountId)) accounts.push({ accountId: a.accountId, status: 'closed' });
      else if ((this.updated.get(a.accountId) ?? -Infinity) > new Date(a.updatedAt).getTime()) accounts.push({ accountId: a.accountId, status: 'updated' });
    }
    // No account needs action: the API answers 204, which the SDK turns into [].
    if (accounts.length === 0) return new Response(null, { status: 204 });
    return new Response(JSON.stringify({ accounts }), { status: 200, headers: { 'content-type': 'application/json' } });
  }
}

/** `{type:'fpp', remote:'stargate'}` requests: async-event queue calls and personal data. */
export function handleStargate(path: string, init: RequestInit | undefined, queue: EventQueue, privacy: PersonalDataReporting): Response {
  let body: unknown;
  try {
    body = typeof init?.body === 'string' && init.body ? JSON.parse(init.body) : undefined;
  } catch {
    return new Response(JSON.stringify({ message: 'Request body is not JSON' }), { status: 400 });
  }
  const p = path.split('?')[0];
  if (p.startsWith('/webhook/queue/publish/')) return queue.publish(body);
  if (p.startsWith('/webhook/queue/stats/')) return queue.stats(body);
  if (p.startsWith('/webhook/queue/cancel/')) return queue.cancel(body);
  if (p === '/app/report-accounts') return privacy.handle(body);
  return new Response(
    JSON.stringify({ message: `The local Forge platform does not emulate the Atlassian API ${path} (supported: async event queue publish/stats/cancel, /app/report-accounts).` }),
    { status: 404, headers: { 'content-type': 'application/json' } },
  );
}
