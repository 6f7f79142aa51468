import { createHostPermissionSource } from '../access/host-permission-source';
import type { InsightsDeps } from '../insights/viewer-session';
import { getKvs } from '../platform/forge-kvs';
import { createHostSiteClient } from '../platform/site-clients';
import { createHostViewerClient } from '../platform/viewer-site-client';

/**
 * The read models of the dashboard and the gadget wired to Forge: KVS and the host site as the
 * app (for the viewer's groups) and as the viewer (for what they may browse).
 */
export function composeInsightsDeps(siteUrl: string | undefined): InsightsDeps {
  const origin = siteUrl ? new URL(siteUrl).origin : '';
  return {
    kvs: getKvs(),
    permissions: createHostPermissionSource({
      appJira: createHostSiteClient('jira', origin),
      viewerJira: createHostViewerClient('jira', origin),
      viewerConfluence: createHostViewerClient('confluence', `${origin}/wiki`),
    }),
    now: () => new Date(),
  };
}
