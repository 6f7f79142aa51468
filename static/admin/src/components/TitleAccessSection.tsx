import Checkbox from '@atlaskit/checkbox';
import { GroupList } from './GroupList';

interface Props {
  viewGroups: string[];
  onViewGroups: (g: string[]) => void;
  showRestrictedTitles: boolean;
  onShowRestrictedTitles: (v: boolean) => void;
  errors: Record<string, string>;
}

/** Who sees titles of another site's activity, and whether restricted items show theirs. */
export function TitleAccessSection(p: Props) {
  return (
    <>
      <h3>Who can see titles from this site</h3>
      <p className="subtle">
        This site cannot tell us who may read its issues and pages, so titles and links of its activity are shown on the
        dashboard only to Jira administrators and to members of the groups listed here (groups of the site ActivityPulse is
        installed on); everyone else sees counts only. With no groups listed, the groups allowed to open the dashboard
        (Access tab) see them.
      </p>
      <GroupList field="viewGroups" itemLabel="Title group" groups={p.viewGroups} onChange={p.onViewGroups} errors={p.errors} />
      <div className="checkbox">
        <Checkbox name="showRestrictedTitles" isChecked={p.showRestrictedTitles} onChange={(e) => p.onShowRestrictedTitles(e.currentTarget.checked)} label="Show titles of restricted items" />
      </div>
      <p className="subtle">
        Off: issues with a security level and pages with view restrictions on this site (or not yet known to have none) are counted without title or link.
      </p>
    </>
  );
}
