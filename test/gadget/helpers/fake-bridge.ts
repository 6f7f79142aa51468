/**
 * A stand-in for the Atlassian host behind `globalThis.__bridge`: it answers getContext,
 * invoke, submit and navigate, and keeps the last ForgeDoc the UI Kit reconciler sent.
 * Import it before anything that loads @forge/bridge or @forge/react: both read the global
 * when their modules load.
 */
import type { ForgeDoc } from '@forge/react/out/reconciler';

export interface BridgeCall {
  cmd: string;
  payload: unknown;
}

type InvokeHandler = (functionKey: string, payload: unknown) => Promise<unknown>;

export const fakeBridge = {
  calls: [] as BridgeCall[],
  doc: undefined as ForgeDoc | undefined,
  context: { extension: { type: 'jira:dashboardGadget' } } as Record<string, unknown>,
  invoke: (async () => {
    throw new Error('no invoke handler set');
  }) as InvokeHandler,
  submitResult: true as boolean,
  reset() {
    this.calls = [];
    this.doc = undefined;
    this.context = { extension: { type: 'jira:dashboardGadget' } };
    this.submitResult = true;
  },
  /** Sets what Jira hands over as the stored configuration. */
  setStoredConfig(config: unknown) {
    this.context = { extension: { type: 'jira:dashboardGadget', gadgetConfiguration: config } };
  },
  callsOf(cmd: string): unknown[] {
    return this.calls.filter((c) => c.cmd === cmd).map((c) => c.payload);
  },
};

async function callBridge(cmd: string, payload: unknown): Promise<unknown> {
  if (cmd === 'reconcile') {
    fakeBridge.doc = (payload as { forgeDoc: ForgeDoc }).forgeDoc;
    return undefined;
  }
  fakeBridge.calls.push({ cmd, payload });
  switch (cmd) {
    case 'getContext':
      return fakeBridge.context;
    case 'invoke': {
      const { functionKey, payload: body } = payload as { functionKey: string; payload: unknown };
      return fakeBridge.invoke(functionKey, body);
    }
    case 'submit':
      return fakeBridge.submitResult;
    case 'navigate':
    case 'open':
      return undefined;
    case 'onError':
      return undefined;
    default:
      throw new Error(`the fake bridge does not know ${cmd}`);
  }
}

const g = globalThis as unknown as Record<string, unknown>;
// The reconciler reaches the bridge through `self`, as in a browser frame.
g.self = globalThis;
g.__bridge = { callBridge };
g.IS_REACT_ACT_ENVIRONMENT = true;
