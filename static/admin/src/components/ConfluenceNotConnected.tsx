import SectionMessage from '@atlaskit/section-message';
import { CONFLUENCE_NOT_CONNECTED } from '../../../../src/shared/confluence-connection';

/** The host site's Confluence is an optional app of the installation: a state to explain, not an error. */
export function ConfluenceNotConnected() {
  return (
    <div role="note" data-testid="confluence-not-connected" className="notice">
      <SectionMessage appearance="information" title={CONFLUENCE_NOT_CONNECTED.title}>
        <p>{CONFLUENCE_NOT_CONNECTED.meaning}</p>
        <p>{CONFLUENCE_NOT_CONNECTED.howTo}</p>
      </SectionMessage>
    </div>
  );
}
