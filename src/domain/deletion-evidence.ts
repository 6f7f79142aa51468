import { z } from 'zod';

/**
 * When stored activity may be deleted because its issue, page or comment is no longer on the
 * site: the one place these rules live (the deletion sweep applies them; docs/architecture.md,
 * "Deletions need evidence", explains them).
 *
 * Jira answers 404 for an issue "not found or the user does not have permission to view it", and
 * Confluence v2 for a page or comment "the calling user does not have permission to view … or …
 * was not found"; a bulk call leaves both kinds out alike. So a missing item alone never deletes
 * anything. Positive evidence does:
 * - the item is listed as trashed (Confluence `status=trashed`), or a product deletion event /
 *   deletion feed named it (handled where those arrive);
 * - the item's container (the issue for a comment, the project for an issue, the page for a page
 *   comment, the space for a page) is still readable by the same identity AND a search there that
 *   would list the item does not.
 * A missing item whose container cannot be read is "access lost": its activity is kept and the
 * container is reported on the admin page. Archived Confluence content is present.
 */
export type ItemSighting =
  /** Read, listed, or archived. */
  | { seen: 'present' }
  /** Listed with status `trashed` (a restore brings it back on a later sync). */
  | { seen: 'trashed' }
  /** Not returned. `listedInContainer` is only asked when the container is readable. */
  | { seen: 'missing'; containerReadable: boolean; listedInContainer?: boolean };

export type DeletionVerdict = 'keep' | 'delete' | 'access-lost';

export function deletionVerdict(s: ItemSighting): DeletionVerdict {
  switch (s.seen) {
    case 'present':
      return 'keep';
    case 'trashed':
      return 'delete';
    case 'missing':
      if (!s.containerReadable) return 'access-lost';
      // Readable container, and the search there does not list it either: deleted. A search that
      // lists what the direct read did not is a contradiction: keep (fail safe).
      return s.listedInContainer === false ? 'delete' : 'keep';
  }
}

/** A project or space whose items the source's account can no longer read. */
export const accessLostSchema = z.object({
  type: z.enum(['project', 'space']),
  id: z.string().min(1).max(100),
  key: z.string().max(255),
  name: z.string().max(255),
});
export type AccessLost = z.infer<typeof accessLostSchema>;

/** At most this many containers are named; the rest are counted. */
export const ACCESS_LOST_LIMIT = 50;
