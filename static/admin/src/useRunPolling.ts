import { useEffect, useRef, useState } from 'react';
import type { SyncRunView } from '../../../src/shared/admin-contract';
import { call } from '../../shared/call';

/**
 * The runs in flight (of one source, or all), polled every second while anything runs, and the
 * last few that ended, each once.
 */
export function useRunPolling(kick: number, onFinished: () => void, dataSourceId?: string) {
  const [runs, setRuns] = useState<SyncRunView[]>([]);
  const [finished, setFinished] = useState<SyncRunView[]>([]);
  const [error, setError] = useState<string>();
  const seen = useRef(new Set<string>());

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    async function poll() {
      const r = await call('sync/status', {});
      if (stop) return;
      polls += 1;
      if (!r.ok) setError(r.error.message);
      else {
        setError(undefined);
        const mine = r.data.running.filter((x) => !dataSourceId || x.dataSourceId === dataSourceId);
        setRuns(mine);
        mine.forEach((x) => seen.current.add(x.id));
        const ended = [...seen.current].filter((id) => !mine.some((x) => x.id === id));
        if (ended.length > 0) {
          ended.forEach((id) => seen.current.delete(id));
          const h = await call('sync/history', { limit: 20 });
          if (stop) return;
          // One result per run, however often it was seen ending (a restarted poll, a second tab).
          if (h.ok) setFinished((f) => [...h.data.runs.filter((x) => ended.includes(x.id) && !f.some((y) => y.id === x.id)), ...f].slice(0, 3));
          onFinished();
        }
        // Keep polling while something runs, and for a few rounds after a start so a queued run shows up.
        if (mine.length === 0 && (kick === 0 || polls > 5)) return;
      }
      timer = setTimeout(poll, 1000);
    }
    void poll();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kick, dataSourceId]);

  return { runs, finished, error, dismiss: (id: string) => setFinished((f) => f.filter((x) => x.id !== id)) };
}
