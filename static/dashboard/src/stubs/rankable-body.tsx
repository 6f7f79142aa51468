/**
 * Stands in for dynamic-table's drag-to-rank body, which it loads only for `isRankable` tables:
 * the dashboard's tables are sorted, never ranked, so the drag-and-drop code is left out.
 */
export default function RankableBody(): null {
  return null;
}
