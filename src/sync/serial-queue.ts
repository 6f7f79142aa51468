/**
 * Runs tasks one at a time, in the order they were queued. The streams of one invocation run
 * side by side, and some of what they store is read, changed and written back (rollup weeks
 * and the activities they count, the run record): each such read-modify-write is queued here,
 * so no two of them interleave within the invocation. Other invocations are kept out by the
 * run's leases and by the rollups' `rev` conditions and marks.
 *
 * A task must not queue another task on the same queue and wait for it: that would wait forever.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` once every task queued before it has settled; a failed task does not stop later ones. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
