/**
 * The thread the scale measure runs its emulators in (see emulator-thread.ts): it generates the
 * reference site, hosts the site emulator on a loopback port and the KVS emulator behind
 * messages, and answers the measure's questions about them. Its heap (the site, a million
 * stored activities) is collected here, not in the function's thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { seedSourceOf } from '../../local/cli/sync/seed';
import { generateSite } from '../../local/fixtures/generator';
import { KvsEmulator } from '../../local/kvs/emulator';
import { loadManifest } from '../../local/runtime/manifest';
import { createSiteEmulator } from '../../local/site/emulator';
import { formatViolation, onViolation } from '../../local/site/request-check';
import { emulatorCounters } from './app-sync';
import { meterLargestValue } from './meters';
import { siteCounts } from './reference-site';
import type { ThreadReply, ThreadRequest, ThreadSetup } from './emulator-thread';
import { checkWindow } from './window-check';

async function main(): Promise<void> {
  const port = parentPort!;
  const setup = workerData as ThreadSetup;
  const t0 = performance.now();
  const fixture = generateSite(setup.site);
  const generatedMs = performance.now() - t0;
  const kvs = new KvsEmulator({ entities: loadManifest(setup.appDir).entities });
  const largest = meterLargestValue(kvs.store);
  const sites = await createSiteEmulator({ sites: [fixture], latency: 'sleep' });
  const site = sites.site(fixture.name);
  let violations = 0;
  onViolation((v) => {
    violations += 1;
    console.error(`REQUEST NOT DEFINED BY THE OPENAPI DOCUMENTS (answered 400): ${formatViolation(v)}`);
  });

  const counters = emulatorCounters(kvs, sites);

  const answer = async (m: ThreadRequest): Promise<ThreadReply['value']> => {
    switch (m.op) {
      case 'kvs': {
        const res = await kvs.handle(m.path, { body: m.body });
        return { status: res.status, body: res.status === 204 || res.body === null ? null : await res.text() };
      }
      case 'set-now':
        site.setNow(m.atMs);
        return null;
      case 'reset':
        counters.reset();
        largest.reset();
        return null;
      case 'read':
        return { ...counters.read(), largest: largest.read(), violations };
      case 'check':
        return checkWindow(fixture, m.sinceMs, m.untilMs);
      case 'close':
        await sites.close();
        return null;
    }
  };

  port.on('message', (m: ThreadRequest) => {
    answer(m).then(
      (value) => port.postMessage({ id: m.id, value } satisfies ThreadReply),
      (e: unknown) => port.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ThreadReply),
    );
  });
  port.postMessage({
    ready: {
      baseUrl: sites.baseUrl,
      cloudId: site.cloudId,
      siteName: fixture.name,
      counts: siteCounts(fixture),
      generatedMs,
      seed: seedSourceOf(fixture),
    },
  });
}

main().catch((e: unknown) => {
  // Said to the measure, which fails with it; exiting ends this thread only.
  parentPort?.postMessage({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
});
