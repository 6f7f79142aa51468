/**
 * How an invocation's time passes. Two kinds:
 *
 * - wall: remaining time is the deadline minus Date.now(), and a timer cuts the invocation off
 *   at the deadline. What `npm start` and the benchmarks use: real time, as on Forge.
 * - virtual: time passes only when the runtime charges a modelled cost (a KVS or site request,
 *   a sleep through the sync's sleep seam). CPU work is free, so the outcome of a test does not
 *   depend on how fast or busy the machine is: the same requests give the same remaining time
 *   and the same cut-off point on every run.
 */
export interface InvocationClock {
  readonly limitMs: number;
  /** Milliseconds the invocation has used. */
  elapsedMs(): number;
  /** What getRemainingTimeInMillis() answers: never below 0. */
  remainingMs(): number;
  /**
   * Spends `ms` of modelled time on `what`. A virtual clock that passes its limit calls the
   * cut-off given to start(); a wall clock ignores charges (real time passes by itself).
   */
  charge(ms: number, what: string): void;
  /** A wait of `ms` as this clock sees it: real for wall time, charged and next-tick for virtual. */
  sleep(ms: number): Promise<void>;
  /** Arms the clock; `cutOff` ends the invocation as a timeout. */
  start(cutOff: (reason: string) => void): void;
  /** Disarms it once the invocation has ended. */
  stop(): void;
}

export class WallClock implements InvocationClock {
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly limitMs: number) {}

  elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  remainingMs(): number {
    return Math.max(0, this.limitMs - this.elapsedMs());
  }

  charge(): void {
    // Real requests and waits already took their time.
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  start(cutOff: (reason: string) => void): void {
    this.timer = setTimeout(() => cutOff(`timeout: still running at the ${this.limitMs} ms limit`), this.limitMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

export class VirtualClock implements InvocationClock {
  private elapsed = 0;
  private cutOff: ((reason: string) => void) | undefined;

  constructor(readonly limitMs: number) {}

  elapsedMs(): number {
    return this.elapsed;
  }

  remainingMs(): number {
    return Math.max(0, this.limitMs - this.elapsed);
  }

  charge(ms: number, what: string): void {
    if (!(ms > 0) || !this.cutOff) return;
    this.elapsed += ms;
    if (this.elapsed <= this.limitMs) return;
    // Forge freezes the function at its limit: the record shows the limit, not the overshoot.
    this.elapsed = this.limitMs;
    const cut = this.cutOff;
    this.cutOff = undefined;
    cut(`timeout: ${what} ran past the ${this.limitMs} ms limit (virtual time)`);
  }

  sleep(ms: number, what = `a ${ms} ms wait`): Promise<void> {
    this.charge(ms, what);
    // Resolve on a later turn of the event loop, as a timer would, so that waiting code
    // interleaves with other invocations the way it does in real time.
    return new Promise((resolve) => setImmediate(resolve));
  }

  start(cutOff: (reason: string) => void): void {
    this.cutOff = cutOff;
  }

  stop(): void {
    this.cutOff = undefined;
  }
}
