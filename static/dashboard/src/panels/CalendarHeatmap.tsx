import { HeatmapRect } from '@visx/heatmap';
import { plural } from '../../../../src/shared/activity-kinds';
import type { DashboardSummary } from '../../../../src/shared/dashboard-contract';

const CELL = 22;
const DOW = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
type Column = { week: number; bins: { dow: number; count: number; day: string | null }[] };

/** One square per day, a column per week (Monday on top), darker for more activity. */
export function CalendarHeatmap({ summary, title }: { summary: DashboardSummary; title: string }) {
  const days = summary.heatmap;
  const first = days.length ? (new Date(`${days[0].day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const columns: Column[] = [];
  days.forEach((d, i) => {
    const slot = first + i;
    const w = Math.floor(slot / 7);
    columns[w] ??= { week: w, bins: Array.from({ length: 7 }, (_, dow) => ({ dow, count: 0, day: null })) };
    columns[w].bins[slot % 7] = { dow: slot % 7, count: d.count, day: d.day };
  });
  const max = Math.max(1, ...days.map((d) => d.count));
  const width = 32 + columns.length * CELL;
  return (
    <section className="panel" aria-label="Calendar heatmap" data-testid="heatmap">
      <h2>{title}: activity per day</h2>
      <div className="heatmap-scroll">
        <svg width={width} height={7 * CELL + 4} aria-hidden="true">
          {DOW.map((l, i) => (
            <text key={i} x={0} y={i * CELL + 15} fontSize={10} fill="currentColor">
              {l}
            </text>
          ))}
          <g transform="translate(32, 0)">
          <HeatmapRect<Column, Column['bins'][number]>
            data={columns}
            xScale={(i) => i * CELL}
            yScale={(i) => i * CELL}
            binWidth={CELL}
            binHeight={CELL}
            gap={2}
            bins={(c) => c.bins}
            count={(b) => b.count}
          >
            {(cells) =>
              cells.flat().map((cell) =>
                cell.bin.day === null ? null : (
                  <rect
                    key={cell.bin.day}
                    data-day={cell.bin.day}
                    data-count={cell.bin.count}
                    x={cell.x}
                    y={cell.y}
                    width={cell.width}
                    height={cell.height}
                    rx={2}
                    fill={cell.bin.count === 0 ? 'var(--heat-zero)' : 'var(--heat-high)'}
                    fillOpacity={cell.bin.count === 0 ? 1 : 0.25 + (0.75 * cell.bin.count) / max}
                    stroke={cell.bin.count === 0 ? 'var(--heat-zero-edge)' : 'none'}
                  >
                    <title>{`${cell.bin.day}: ${plural(cell.bin.count, 'activity', 'activities')}`}</title>
                  </rect>
                ),
              )
            }
          </HeatmapRect>
          </g>
        </svg>
      </div>
      <table className="sr-only" data-testid="heatmap-table">
        <caption>{title}: activity per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Activity</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{plural(d.count, 'activity', 'activities')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
