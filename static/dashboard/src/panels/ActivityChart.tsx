import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear, scaleOrdinal } from '@visx/scale';
import { BarStack } from '@visx/shape';
import { OTHERS_KEY, type DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { PALETTE } from '../labels';
import { Legend } from './Legend';
import { Toggle } from './Toggle';
import { useWidth } from './useWidth';

type Row = { start: string } & Record<string, number | string>;
const HEIGHT = 260;
const M = { top: 12, right: 12, bottom: 36, left: 40 };

export function ActivityChart({
  summary,
  onBucket,
  onSplit,
}: {
  summary: DashboardSummary;
  onBucket: (b: 'day' | 'week') => void;
  onSplit: (s: 'kind' | 'teammate') => void;
}) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const { starts, stacks, bucket, split, partial } = summary.series;
  const keys = stacks.map((s) => s.key);
  const rows: Row[] = starts.map((start, i) => {
    const r: Row = { start };
    for (const s of stacks) r[s.key] = s.values[i];
    return r;
  });
  const totals = starts.map((_, i) => stacks.reduce((n, s) => n + s.values[i], 0));
  const innerW = Math.max(10, width - M.left - M.right);
  const innerH = HEIGHT - M.top - M.bottom;
  const x = scaleBand<string>({ domain: starts, range: [0, innerW], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, Math.max(1, ...totals)], range: [innerH, 0], nice: true });
  const named = keys.filter((k) => k !== OTHERS_KEY);
  const palette = scaleOrdinal<string, string>({ domain: named, range: PALETTE.slice(0, -1) });
  // "others" is always the neutral last colour, so it never looks like one more person
  const color = (k: string): string => (k === OTHERS_KEY ? PALETTE[PALETTE.length - 1] : palette(k));
  const anyPartial = partial.some(Boolean);
  const labelOf = new Map(stacks.map((s) => [s.key, s.label]));
  const every = Math.ceil(starts.length / Math.max(1, Math.floor(innerW / 70)));
  return (
    <section className="panel" aria-label="Activity over time">
      <div className="panel-head">
        <h2>Activity over time</h2>
        <div className="toggles">
          <Toggle value={bucket} options={[['day', 'Per day'], ['week', 'Per week']]} onChange={onBucket} testId="bucket" label="Bars per" />
          <Toggle value={split} options={[['kind', 'By kind'], ['teammate', 'By teammate']]} onChange={onSplit} testId="split" label="Stack by" />
        </div>
      </div>
      <div ref={ref} className="chart" data-testid="activity-chart">
        <svg width={width} height={HEIGHT} role="img" aria-label={`Activity per ${bucket}, stacked by ${split}`}>
          <Group left={M.left} top={M.top}>
            <BarStack<Row, string> data={rows} keys={keys} x={(d) => d.start} xScale={x} yScale={y} color={(k) => color(k)}>
              {(barStacks) =>
                barStacks.map((bs) =>
                  bs.bars.map((bar) => (
                    <rect
                      key={`${bs.index}-${bar.index}`}
                      x={bar.x}
                      y={bar.y}
                      width={bar.width}
                      height={Math.max(0, bar.height)}
                      fill={bar.color}
                      fillOpacity={partial[bar.index] ? 0.5 : 1}
                      data-partial={partial[bar.index] ? 'true' : undefined}
                    >
                      <title>{`${starts[bar.index]}${partial[bar.index] ? ' (partial week)' : ''} · ${labelOf.get(bs.key) ?? bs.key}: ${rows[bar.index][bs.key]}`}</title>
                    </rect>
                  )),
                )
              }
            </BarStack>
            <AxisLeft scale={y} numTicks={4} tickFormat={(v) => String(v)} stroke="currentColor" tickStroke="currentColor" tickLabelProps={{ fill: 'currentColor', fontSize: 11 }} />
            <AxisBottom
              top={innerH}
              scale={x}
              tickValues={starts.filter((_, i) => i % every === 0)}
              tickFormat={(d) => `${d.slice(5)}${partial[starts.indexOf(d)] ? '*' : ''}`}
              stroke="currentColor"
              tickStroke="currentColor"
              tickLabelProps={{ fill: 'currentColor', fontSize: 11, textAnchor: 'middle' }}
            />
          </Group>
        </svg>
      </div>
      <Legend items={stacks.map((st) => ({ key: st.key, label: st.label, color: color(st.key) }))} partial={anyPartial} />
    </section>
  );
}
