import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useState } from 'react';
import type { DashboardFiltersInput } from '../../../../src/shared/dashboard-contract';
import { viewerTimeZone } from '../labels';
import { exportCsv, PREPARING } from './export-csv';
import { FeedItem } from './FeedItem';
import { useFeed } from './useFeed';

/** Individual events, newest first, a page at a time; remounted whenever the filters change. */
export default function Feed({ filters }: { filters: DashboardFiltersInput }) {
  const { events, cursor, done, busy, error, more } = useFeed(filters);
  const [exporting, setExporting] = useState<string | null>(null);
  const timeZone = viewerTimeZone();
  return (
    <section className="panel" aria-label="Activity feed" data-testid="feed">
      <div className="panel-head">
        <h2>Latest activity</h2>
        <Button testId="export-csv" onClick={() => void exportCsv(filters, timeZone, setExporting)} isDisabled={exporting === PREPARING}>
          Export CSV
        </Button>
      </div>
      {exporting && (
        <p className="muted" data-testid="export-status" role="status">
          {exporting}
        </p>
      )}
      {error && (
        <div role="alert">
          <SectionMessage appearance="error">{error.message}</SectionMessage>
        </div>
      )}
      <ol className="feed">
        {events.map((e) => (
          <FeedItem key={e.id} e={e} timeZone={timeZone} />
        ))}
      </ol>
      {events.length === 0 && !busy && !error && (
        <p className="muted" data-testid="feed-empty">
          No events for these filters.
        </p>
      )}
      {busy && (
        <p className="muted" data-testid="feed-loading" role="status">
          <Spinner size="small" label="Loading events" /> Loading events…
        </p>
      )}
      {!done && !busy && cursor && (
        <Button testId="feed-more" onClick={more}>
          {events.length > 0 ? 'Show more' : 'Keep searching older events'}
        </Button>
      )}
    </section>
  );
}
