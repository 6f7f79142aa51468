import type { Window } from './time';

/** What attribution needs to know about the data source and who is mapped on it. */
export interface AttributionContext {
  dataSourceId: string;
  /** https://acme.atlassian.net */
  siteUrl: string;
  /** https://acme.atlassian.net/wiki */
  wikiUrl: string;
  /** accountId → teammateId, for this data source only. */
  teammates: ReadonlyMap<string, string>;
  window: Window;
}
