import { seededRandom } from './rng';

export type FaultType = 'status429' | 'status5xx' | 'latency' | 'drop' | 'truncate';

export interface FaultRule {
  match?: { site?: string; method?: string; pathPrefix?: string };
  type: FaultType;
  status?: 500 | 502 | 503;
  retryAfterSec?: number;
  /** Send only X-RateLimit-Reset (no Retry-After), as some Jira 429s do. */
  resetHeaderOnly?: boolean;
  delayMs?: number;
  /** How many times the rule fires; unlimited when absent. */
  times?: number;
  /** Chance (0..1) that a matching request is hit; drawn from the seeded RNG. */
  probability?: number;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export interface FaultPlan {
  delayMs: number;
  /** The one fault that decides the response, if any (latency only delays). */
  terminal?: FaultRule;
}

/** Fault injection: ordered rules, seeded randomness, counts of what was injected. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: () => number;
  private counts: Record<FaultType, number> = { status429: 0, status5xx: 0, latency: 0, drop: 0, truncate: 0 };

  constructor(private seed = 1) {
    this.random = seededRandom(seed);
  }

  add(rule: FaultRule): void {
    if (rule.probability !== undefined && (rule.probability < 0 || rule.probability > 1)) {
      throw new Error('fault probability must be between 0 and 1');
    }
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  /** Removes every rule and restarts the RNG so a test run is reproducible. */
  clear(): void {
    this.rules = [];
    this.random = seededRandom(this.seed);
  }

  reseed(seed: number): void {
    this.seed = seed;
    this.random = seededRandom(seed);
  }

  get stats(): Readonly<Record<FaultType, number>> {
    return { ...this.counts };
  }

  resetStats(): void {
    for (const k of Object.keys(this.counts) as FaultType[]) this.counts[k] = 0;
  }

  plan(site: string, method: string, path: string): FaultPlan {
    const plan: FaultPlan = { delayMs: 0 };
    for (const active of this.rules) {
      if (active.remaining <= 0 || !matches(active.rule, site, method, path)) continue;
      if (plan.terminal && active.rule.type !== 'latency') continue;
      if (active.rule.probability !== undefined && this.random() >= active.rule.probability) continue;
      active.remaining -= 1;
      this.counts[active.rule.type] += 1;
      if (active.rule.type === 'latency') plan.delayMs += active.rule.delayMs ?? 1000;
      else plan.terminal = active.rule;
    }
    return plan;
  }
}

function matches(rule: FaultRule, site: string, method: string, path: string): boolean {
  const m = rule.match;
  if (!m) return true;
  if (m.site !== undefined && m.site !== site) return false;
  if (m.method !== undefined && m.method.toUpperCase() !== method) return false;
  if (m.pathPrefix !== undefined && !path.startsWith(m.pathPrefix)) return false;
  return true;
}
