import { Label } from '@atlaskit/form';
import AsyncSelect from '@atlaskit/select/AsyncSelect';
import { call } from '../../../shared/call';

interface Choice {
  value: string;
  label: string;
  isDisabled?: boolean;
}

/**
 * Host-site groups matching what is typed (any case), as picker choices; when the site has more
 * matches than the list holds, a last line (not pickable) says to type more.
 */
async function loadGroups(query: string, taken: readonly string[]): Promise<Choice[]> {
  const r = await call('groups/search', { query });
  if (!r.ok) return [];
  const lower = new Set(taken.map((t) => t.trim().toLowerCase()));
  const choices: Choice[] = r.data.groups.filter((g) => !lower.has(g.name.toLowerCase())).map((g) => ({ value: g.name, label: g.name }));
  const more = r.data.total - r.data.groups.length;
  return more > 0 ? [...choices, { value: '', label: `${more} more: type more of the name to narrow`, isDisabled: true }] : choices;
}

interface Props {
  id: string;
  label: string;
  /** Groups already listed: left out of the choices. */
  taken?: readonly string[];
  /** The group shown as chosen; omitted: the picker empties after each pick. */
  value?: string;
  isInvalid?: boolean;
  onPick: (name: string) => void;
  /** Called as the admin types (e.g. to clear an error). */
  onEdit?: () => void;
}

/**
 * Picks a group of the site ActivityPulse is installed on (Jira's group picker, searched as the
 * admin types) and hands its exact name to `onPick`.
 */
export function GroupPicker({ id, label, taken = [], value, isInvalid, onPick, onEdit }: Props) {
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
        value={value ? { value, label: value } : null}
        isInvalid={isInvalid}
        aria-invalid={isInvalid ? true : undefined}
        spacing="compact"
        menuPosition="fixed"
        placeholder="Type to search this site's groups"
        noOptionsMessage={({ inputValue }) => (inputValue ? `No group on this site contains "${inputValue}"` : 'No other groups on this site')}
        onInputChange={(_, meta) => {
          if (meta.action === 'input-change') onEdit?.();
        }}
        onChange={(c) => {
          if (c?.value) onPick(c.value);
        }}
      />
    </div>
  );
}
