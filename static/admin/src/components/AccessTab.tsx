import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../src/shared/admin-contract';
import { call } from '../../../shared/call';
import { flagSuccess } from '../flags';
import { useSaveForm } from '../useSaveForm';
import { ErrorBanner } from './Field';
import { GroupList } from './GroupList';

/** Who may open the dashboard (Jira groups), and privacy mode. */
export function AccessTab({ settings, onSettings }: { settings: Settings; onSettings: (s: Settings) => void }) {
  const [groups, setGroups] = useState<string[]>(settings.dashboardGroups.length ? settings.dashboardGroups : ['']);
  const [privacy, setPrivacy] = useState(settings.privacyMode);
  const { errors, scope, busy, submit } = useSaveForm();

  async function save(e: FormEvent) {
    const saved = await submit(e, () => call('settings/save-access', { dashboardGroups: groups, privacyMode: privacy }));
    if (saved) { onSettings(saved); flagSuccess('Access saved.'); }
  }

  return (
    <form className="card" ref={scope} onSubmit={save} aria-label="Access" noValidate>
      <h3>Who may open the dashboard</h3>
      <p className="subtle">Jira administrators always may. Add the groups of your team leads (for example team-leads).</p>
      <GroupList field="dashboardGroups" itemLabel="Group" groups={groups} onChange={setGroups} errors={errors.fields} />
      <h3>Privacy</h3>
      <div className="checkbox">
        <Checkbox name="privacyMode" isChecked={privacy} onChange={(e) => setPrivacy(e.currentTarget.checked)} label="Privacy mode: show counts only, never titles or links" />
      </div>
      <ErrorBanner message={errors.form ?? errors.fields.dashboardGroups} />
      <div className="row actions">
        <Button appearance="primary" type="submit" isLoading={busy}>Save access</Button>
      </div>
    </form>
  );
}
