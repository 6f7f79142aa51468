import type { ResultError } from '../../../../src/shared/result';

export function ErrorBanner({ error, onReset }: { error: ResultError; onReset?: () => void }) {
  return (
    <div className="error" role="alert" data-testid="error">
      <p>{error.message}</p>
      {onReset && error.code === 'BAD_REQUEST' && (
        <button type="button" onClick={onReset}>
          Reset the filters
        </button>
      )}
    </div>
  );
}
