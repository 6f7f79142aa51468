import type { GadgetConfig, GadgetSummary } from '../../shared/gadget-contract';

/**
 * The full dashboard's route for the gadget's filters: same people, same days, same kinds.
 */
export function dashboardPath(config: GadgetConfig, summary: GadgetSummary): string {
  const q = new URLSearchParams();
  if (config.target.type === 'team') q.set('team', config.target.id);
  if (config.target.type === 'teammate') q.set('teammate', config.target.id);
  q.set('from', summary.range.from);
  q.set('to', summary.range.to);
  q.set('kinds', config.kinds.join(','));
  return `/?${q.toString()}`;
}
