import { useEffect, useState } from 'react';
import type { DashboardFiltersInput, FeedEvent } from '../../../../src/shared/dashboard-contract';
import type { ResultError } from '../../../../src/shared/result';
import { call } from '../../../shared/call';

const PAGE = 25;

/** The feed's pages, newest first; the first page is asked for on mount. */
export function useFeed(filters: DashboardFiltersInput) {
  const [events, setEvents] = useState<FeedEvent[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<ResultError | null>(null);

  const load = async (from?: string) => {
    setBusy(true);
    const r = await call('dashboard/feed', { filters, limit: PAGE, ...(from ? { cursor: from } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setEvents((prev) => [...prev, ...r.data.events]);
    setCursor(r.data.nextCursor);
    setDone(!r.data.nextCursor);
  };
  useEffect(() => {
    void load();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return { events, cursor, done, busy, error, more: () => void load(cursor) };
}
