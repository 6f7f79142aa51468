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
}

/** Request log plus call counts by endpoint template. */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private counts = new Map<string, number>();

  record(entry: RequestLogEntry): void {
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
