import { KIND_TOTAL_LABELS } from '../../../../src/shared/activity-kinds';
import type { DashboardSummary } from '../../../../src/shared/dashboard-contract';
import { formatChange, formatHours } from '../labels';

function Card({ id, label, value, change }: { id: string; label: string; value: string; change: ReturnType<typeof formatChange> }) {
  return (
    <div className="card" data-testid={`total-${id}`}>
      <div className="card-label">{label}</div>
      <div className="card-value" data-testid={`total-${id}-value`}>
        {value}
      </div>
      <div className={`card-change ${change.dir}`}>{change.text}</div>
    </div>
  );
}

/** Activity counts, not scores: each card compares with the previous period of the same length. */
export function Totals({ summary }: { summary: DashboardSummary }) {
  const t = summary.totals;
  return (
    <section className="totals" aria-label="Totals">
      <Card id="all" label="All activity" value={String(t.count)} change={formatChange(t.count, t.previous)} />
      {t.byKind.map((k) => (
        <Card key={k.kind} id={k.kind} label={KIND_TOTAL_LABELS[k.kind]} value={String(k.count)} change={formatChange(k.count, k.previous)} />
      ))}
      <Card
        id="hours"
        label="Hours logged"
        value={formatHours(t.seconds)}
        change={formatChange(Math.round(t.seconds / 3600), Math.round(t.previousSeconds / 3600), ' h')}
      />
    </section>
  );
}
