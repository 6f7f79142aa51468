import { useState } from 'react';
import type { Settings } from '../../../../src/domain/config';
import { saveAccessSettings } from '../api/save-access-settings';
import { useFieldErrors } from '../useFieldErrors';
import { ErrorBanner } from './Field';

/** Who may open the dashboard (Jira groups), and privacy mode. */
export function AccessTab({ settings, onSettings }: { settings: Settings; onSettings: (s: Settings) => void }) {
  const [groups, setGroups] = useState<string[]>(settings.dashboardGroups.length ? settings.dashboardGroups : ['']);
  const [privacy, setPrivacy] = useState(settings.privacyMode);
  const [saved, setSaved] = useState(false);
  const { errors, clear, show } = useFieldErrors();

  async function save() {
    clear();
    setSaved(false);
    const r = await saveAccessSettings({ dashboardGroups: groups, privacyMode: privacy });
    if (r.ok) { onSettings(r.data); setSaved(true); } else show(r.error);
  }

  return (
    <div className="card">
      <h3>Who may open the dashboard</h3>
      <p className="subtle">Jira administrators always may. Add the groups of your team leads (for example team-leads).</p>
      {groups.map((g, i) => {
        const err = errors.fields[`dashboardGroups.${i}`];
        return (
          <div className="row" key={i} style={{ marginBottom: 8 }}>
            <label htmlFor={`group-${i}`} className="subtle">Group {i + 1}</label>
            <input id={`group-${i}`} className="inline" value={g} aria-invalid={err ? true : undefined} aria-describedby={err ? `group-${i}-err` : undefined} onChange={(e) => setGroups((gs) => gs.map((x, j) => (j === i ? e.target.value : x)))} />
            <button className="btn subtle" type="button" onClick={() => setGroups((gs) => gs.filter((_, j) => j !== i))} aria-label={`Remove group ${i + 1}`}>Remove</button>
            {err ? <span id={`group-${i}-err`} className="error-text" role="alert">{err}</span> : null}
          </div>
        );
      })}
      <button className="btn" type="button" onClick={() => setGroups((gs) => [...gs, ''])}>Add group</button>
      <h3>Privacy</h3>
      <label className="checkbox">
        <input type="checkbox" checked={privacy} onChange={(e) => setPrivacy(e.target.checked)} />
        Privacy mode: show counts only, never titles or links
      </label>
      <ErrorBanner message={errors.form ?? errors.fields.dashboardGroups} />
      <div className="row" style={{ marginTop: 12 }}>
        <button className="btn primary" type="button" onClick={save}>Save access</button>
        {saved ? <span role="status">Saved.</span> : null}
      </div>
    </div>
  );
}
