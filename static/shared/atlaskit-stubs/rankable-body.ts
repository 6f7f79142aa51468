/**
 * Stands in for dynamic-table's drag-to-rank body (loaded only with `isRankable`, which these apps
 * never set): its drag-and-drop code would ship as a chunk that is never loaded.
 */
export default function RankableBodyUnused(): null {
  return null;
}
