/**
 * When an invocation must stop starting pages, so it checkpoints before Forge cuts it off.
 * Steps are timed by the invocation's remaining time before and after them, not the wall clock:
 * on Forge the two agree, and under an emulated clock the margin follows the time actually charged.
 */
export interface StepTimer {
  timeUp(): boolean;
  /** Runs one page step and remembers how long it took. */
  measure<T>(step: () => Promise<T>): Promise<T>;
}

export function createStepTimer(remainingMs: () => number | undefined, safetyMs: number): StepTimer {
  // A short invocation keeps a proportional margin, so it still makes progress.
  const atStart = remainingMs();
  const marginMs = atStart === undefined ? safetyMs : Math.min(safetyMs, atStart * 0.3);
  // A page step on a slow site can take longer than the fixed margin: keep room for twice the
  // slowest step seen so far, so the invocation checkpoints instead of being cut off mid-page.
  let slowestStepMs = 0;
  return {
    timeUp() {
      const left = remainingMs();
      return left !== undefined && left < Math.max(marginMs, 2 * slowestStepMs);
    },
    async measure(step) {
      const before = remainingMs();
      const result = await step();
      const after = remainingMs();
      if (before !== undefined && after !== undefined) slowestStepMs = Math.max(slowestStepMs, before - after);
      return result;
    },
  };
}
