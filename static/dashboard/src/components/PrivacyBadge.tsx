import Lozenge from '@atlaskit/lozenge';

export function PrivacyBadge() {
  return (
    <span data-testid="privacy-mode">
      <Lozenge appearance="moved">Privacy mode: titles hidden</Lozenge>
    </span>
  );
}
