import type { SiteState } from '../../local/site/site-state';

export interface EditSummary {
  issuesTouched: number;
  contentsTouched: number;
  changes: number;
}

/**
 * A working day on the reference site between two syncs, through the emulator's SiteState
 * mutations: 1% of the live issues (every 100th) get two changes each (comments, edits of
 * comments, field edits, transitions, worklogs, and a few deletions), and 1% of the pages get
 * a new version or comment. Times are spread evenly over (fromMs, toMs), all settled by toMs.
 */
export function applyDayOfEdits(site: SiteState, fromMs: number, toMs: number): EditSummary {
  const issues = site.liveIssues().filter((_, n) => n % 100 === 0);
  const contents = site.liveContents().filter((_, n) => n % 100 === 0);
  const people = site.raw.users.filter((u) => u.active && u.accountType !== 'app').map((u) => u.accountId);
  const done = site.raw.statuses.find((s) => s.categoryKey === 'done')!;
  const doing = site.raw.statuses.find((s) => s.categoryKey === 'indeterminate')!;
  const total = issues.length * 2 + contents.length;
  let step = 0;
  const nextAt = () => {
    const at = new Date(fromMs + Math.floor(((toMs - fromMs) * ++step) / (total + 1))).toISOString();
    site.setNow(at);
    return at;
  };
  const who = (n: number) => people[n % people.length];

  issues.forEach((issue, n) => {
    for (const variant of [n % 6, (n + 3) % 6]) {
      const at = nextAt();
      const authorId = who(n * 7 + variant);
      const comment = issue.comments.find((c) => !c.deletedAt);
      const worklog = issue.worklogs.find((w) => !w.deletedAt);
      if (variant === 0) site.addComment(issue.key, { authorId, text: 'Looked into this today.', at });
      else if (variant === 1) {
        site.editIssue(issue.key, {
          authorId,
          items: [{ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: issue.summary, to: null, toString: `${issue.summary} (updated)` }],
          at,
        });
      } else if (variant === 2) {
        const target = site.statusesById.get(issue.statusId)?.categoryKey === 'done' ? doing : done;
        site.transitionIssue(issue.key, { authorId, statusId: target.id, ...(target === done ? { resolution: 'Done' } : {}), at });
      } else if (variant === 3) {
        site.addWorklog(issue.key, { authorId, started: new Date(Date.parse(at) - 3_600_000).toISOString(), timeSpentSeconds: 1800 + 900 * (n % 4), at });
      } else if (variant === 4 && comment) site.editComment(comment.id, { authorId: comment.authorId, text: 'Edited.', at });
      else if (variant === 5 && n % 4 === 1 && comment) site.deleteComment(comment.id, authorId, at);
      else if (variant === 5 && n % 4 === 3 && worklog) site.deleteWorklog(worklog.id, authorId, at);
      else site.addComment(issue.key, { authorId, text: 'Following up.', at });
    }
  });
  contents.forEach((c, n) => {
    const at = nextAt();
    if (n % 2 === 0) site.addContentVersion(c.id, { authorId: who(n), at });
    else site.addContentComment(c.id, { authorId: who(n + 1), at });
  });
  site.setNow(null);
  return { issuesTouched: issues.length, contentsTouched: contents.length, changes: total };
}
