import { useState } from 'react';
import type { Settings } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { useFieldErrors } from '../useFieldErrors';
import { ErrorBanner } from './Field';
import { GroupList } from './GroupList';

/** Who may open the dashboard (Jira groups), and privacy mode. */
export function AccessTab({ settings, onSettings }: { settings: Settings; onSettings: (s: Settings) => void }) {
  const [groups, setGroups] = useState<string[]>(settings.dashboardGroups.length ? settings.dashboardGroups : ['']);
  const [privacy, setPrivacy] = useState(settings.privacyMode);
  const [saved, setSaved] = useState(false);
  const { errors, clear, show, scope } = useFieldErrors();

  async function save() {
    clear();
    setSaved(false);
    const r = await call('settings/save-access', { dashboardGroups: groups, privacyMode: privacy });
    if (r.ok) { onSettings(r.data); setSaved(true); } else show(r.error);
  }

  return (
    <div className="card" ref={scope}>
      <h3>Who may open the dashboard</h3>
      <p className="subtle">Jira administrators always may. Add the groups of your team leads (for example team-leads).</p>
      <GroupList field="dashboardGroups" itemLabel="Group" groups={groups} onChange={setGroups} errors={errors.fields} />
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
