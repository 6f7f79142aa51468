import { invoke, router, view } from '@forge/bridge';
import { DASHBOARD_MODULE_KEY, type GadgetConfig } from '../shared/gadget-contract';

/**
 * What the UI Kit gadget asks of the host page, through @forge/bridge. It runs in the browser,
 * not the backend: the gadget imports nothing else from src/platform.
 */

/** A resolver call as the bridge answers it (unparsed). */
export function invokeResolver(key: string, payload: Record<string, unknown>): Promise<unknown> {
  return invoke(key, payload);
}

/** The gadget's stored configuration as Jira hands it over (unknown until parsed). */
export async function readStoredConfig(): Promise<unknown> {
  const context = await view.getContext();
  const extension = (context?.extension ?? {}) as { gadgetConfiguration?: unknown };
  return extension.gadgetConfiguration;
}

/** Saves the configuration: Jira stores it and switches the gadget back to its view. */
export async function submitConfig(config: GadgetConfig): Promise<void> {
  await view.submit(config);
}

/** Opens the full dashboard inside Jira, on the given route (filters included). */
export async function openDashboard(path: string): Promise<void> {
  await router.navigate({ target: 'module', moduleKey: DASHBOARD_MODULE_KEY, path });
}
