import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { ResultError } from '../../../../src/shared/result';

export function ErrorBanner({ error, onReset }: { error: ResultError; onReset?: () => void }) {
  const actions = onReset && error.code === 'BAD_REQUEST' ? <SectionMessageAction onClick={onReset}>Reset the filters</SectionMessageAction> : undefined;
  return (
    <div className="message" role="alert" data-testid="error">
      <SectionMessage appearance="error" title="The dashboard could not load" actions={actions}>
        <p>{error.message}</p>
      </SectionMessage>
    </div>
  );
}
