import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The concurrent CPU-bound process every timed figure is measured against: one Node child that
 * spins until it is killed. The bench starts it before the first section and always kills it
 * (at the end, on an error, and on Ctrl-C or SIGTERM), so a machine never keeps the load.
 */
export interface Load {
  readonly pid: number | undefined;
  stop(): void;
}

export function startCpuLoad(): Load {
  const child: ChildProcess = spawn(process.execPath, ['-e', 'let x = 0; for (;;) { x = (x * 1103515245 + 12345) % 2147483648; }'], { stdio: 'ignore' });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.on('exit', stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { pid: child.pid, stop };
}

/** No load (`--no-load`): the same interface, nothing started. */
export const NO_LOAD: Load = { pid: undefined, stop: () => undefined };
