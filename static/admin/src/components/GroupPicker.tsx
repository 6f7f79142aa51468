import { Label } from '@atlaskit/form';
import AsyncSelect from '@atlaskit/select/AsyncSelect';
import { call } from '../../../shared/call';

interface Choice {
  value: string;
  label: string;
}

/** Host-site groups matching what is typed (any case), as picker choices; a note when there are more. */
async function loadGroups(query: string, taken: readonly string[]): Promise<Choice[]> {
  const r = await call('groups/search', { query });
  if (!r.ok) return [];
  const lower = new Set(taken.map((t) => t.trim().toLowerCase()));
  return r.data.groups.filter((g) => !lower.has(g.name.toLowerCase())).map((g) => ({ value: g.name, label: g.name }));
}

/**
 * Picks a group of the site ActivityPulse is installed on (Jira's group picker, searched as the
 * admin types) and hands its exact name to `onPick`. Groups already listed are left out.
 */
export function GroupPicker({ id, label, taken, onPick }: { id: string; label: string; taken: readonly string[]; onPick: (name: string) => void }) {
  const inputId = `${id}-picker`;
  return (
    <div className="field" data-testid={`${id}-picker`}>
      <Label htmlFor={inputId}>{label}</Label>
      <AsyncSelect<Choice>
        // A new key per list: the choices offered leave out what was just added.
        key={taken.join('\n')}
        inputId={inputId}
        cacheOptions={false}
        defaultOptions
        loadOptions={(q: string) => loadGroups(q, taken)}
        value={null}
        spacing="compact"
        menuPosition="fixed"
        placeholder="Type to search this site's groups"
        noOptionsMessage={({ inputValue }) => (inputValue ? `No group on this site contains "${inputValue}"` : 'No other groups on this site')}
        onChange={(c) => {
          if (c) onPick(c.value);
        }}
      />
    </div>
  );
}
