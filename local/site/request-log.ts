export interface RequestLogEntry {
  site: string;
  method: string;
  /** Path with query string. */
  path: string;
  /** 0 when the connection was dropped on purpose. */
  status: number;
  /** app | user:<accountId> | none */
  identity: string;
  ms: number;
  /** e.g. 'GET /rest/api/3/search/jql'; '(unmatched)' when no route matched. */
  endpoint: string;
  fault?: string;
  /** 'gateway' when the call came through api.atlassian.com/ex/{product}/{cloudId}. */
  via?: 'gateway';
  /** Why the request was refused as not defined by the OpenAPI documents. */
  violation?: string;
}

/** Long `npm start` sessions would otherwise grow the log without bound; counts stay exact. */
const MAX_ENTRIES = 50_000;

/** Request log (the most recent 50,000 requests) plus call counts by endpoint template. */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private counts = new Map<string, number>();

  record(entry: RequestLogEntry): void {
    if (this.entries.length >= MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES + 1);
    this.entries.push(entry);
    this.counts.set(entry.endpoint, (this.counts.get(entry.endpoint) ?? 0) + 1);
  }

  reset(): void {
    this.entries.length = 0;
    this.counts.clear();
  }

  stats(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
