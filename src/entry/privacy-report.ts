import { getKvs } from '../platform/forge-kvs';
import { reportPersonalData } from '../platform/personal-data';
import { getConfigRepository } from '../platform/services';
import { type PrivacyReportResult, runPrivacyReport } from '../privacy/privacy-report';
import { createActivityRepository } from '../store/activity-repository';
import { createPermissionCacheRepository } from '../store/permission-cache-repository';
import { createRollupRepository } from '../store/rollup-repository';

/** Daily scheduled trigger: reports stored account ids and erases closed accounts' data. */
export const privacyReport = async (): Promise<PrivacyReportResult> => {
  const kvs = getKvs();
  const activities = createActivityRepository(kvs);
  const result = await runPrivacyReport({
    permissionCache: createPermissionCacheRepository(kvs),
    config: getConfigRepository(),
    activities,
    rollups: createRollupRepository(kvs, activities),
    report: reportPersonalData,
  });
  // Counts only: account ids are personal data and stay out of the logs.
  console.info(`Personal data report: ${result.reported} accounts reported, ${result.closed} closed and erased, ${result.updated} updated`);
  return result;
};
