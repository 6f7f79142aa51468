import Spinner from '@atlaskit/spinner';

/** A spinner with what is being loaded said to screen readers and shown beside it. */
export function Loading({ what }: { what: string }) {
  return (
    <div className="loading" role="status">
      <Spinner size="medium" label={what} />
      <span className="subtle">{what}…</span>
    </div>
  );
}
