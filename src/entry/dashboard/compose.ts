import { createHostPermissionSource } from '../../access/host-permission-source';
import type { InsightsDeps } from '../../insights/viewer-session';
import { getKvs } from '../../platform/forge-kvs';
import { createHostSiteClient } from '../../platform/site-clients';
import { createHostViewerClient } from '../../platform/viewer-site-client';

/**
 * The dashboard read models wired to Forge: KVS and the host site as the app (for the viewer's
 * groups and browse permissions). The gadget reuses the same wiring.
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
