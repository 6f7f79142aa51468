import { act, type ReactElement } from 'react';
import ForgeReconciler from '@forge/react';
import type { ForgeDoc } from '@forge/react/out/reconciler';
import { fakeBridge } from './fake-bridge';

/** Queries over the ForgeDoc tree UI Kit sends to the host, as the Atlassian renderer sees it. */
export function findAll(doc: ForgeDoc | undefined, type: string): ForgeDoc[] {
  if (!doc) return [];
  const out: ForgeDoc[] = doc.type === type ? [doc] : [];
  for (const c of doc.children) out.push(...findAll(c, type));
  return out;
}

export function findOne(doc: ForgeDoc | undefined, type: string): ForgeDoc {
  const all = findAll(doc, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

export function textOf(doc: ForgeDoc | undefined): string {
  if (!doc) return '';
  if (doc.type === 'String') return String(doc.props.text);
  return doc.children.map(textOf).join('');
}

/** Lets effects, bridge promises and the re-renders they cause all finish. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  });
}

export async function renderGadget(element: ReactElement): Promise<void> {
  await act(async () => {
    ForgeReconciler.render(element);
  });
  await settle();
}

export function currentDoc(): ForgeDoc {
  if (!fakeBridge.doc) throw new Error('nothing was rendered');
  return fakeBridge.doc;
}

/** Calls an event handler prop the way the host would, inside act. */
export async function fire(node: ForgeDoc, prop: string, ...args: unknown[]): Promise<void> {
  const handler = node.props[prop] as ((...a: unknown[]) => unknown) | undefined;
  if (typeof handler !== 'function') throw new Error(`${node.type} has no ${prop} handler`);
  await act(async () => {
    await handler(...args);
  });
  await settle();
}

/**
 * For work that crosses real I/O (the local platform): settles until `done` holds, or fails.
 * The limit only catches a hang; it is generous because a loaded machine is slow.
 */
export async function waitUntil(done: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

export const loaded = () => fakeBridge.doc !== undefined && findAll(fakeBridge.doc, 'Spinner').length === 0;
