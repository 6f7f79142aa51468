import { gadgetDashboardFilters, type GadgetConfig, type GadgetSummary } from '../../shared/gadget-contract';

/**
 * The full dashboard's route for what the gadget shows. The dashboard keeps its filters in the
 * URL query under the field names of its filter contract, so each filter becomes one parameter.
 */
export function dashboardPath(config: GadgetConfig, summary: GadgetSummary): string {
  const filters = gadgetDashboardFilters(config, summary.range);
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined) q.set(name, String(value));
  }
  return `/?${q.toString()}`;
}
