import Button from '@atlaskit/button/new';

/** Shown while one teammate is picked: whose activity this is, and the way back to the team. */
export function FocusBar({ name, onClear }: { name: string; onClear: () => void }) {
  return (
    <div className="focus" data-testid="focus">
      <span>
        Showing <strong>{name}</strong>
      </span>
      <Button appearance="subtle" spacing="compact" onClick={onClear}>
        Show the whole team
      </Button>
    </div>
  );
}
