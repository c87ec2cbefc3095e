/** The API requests the sandbox has seen, newest last, so tests can assert what the portal asked. */

export const MAX_LOGGED_REQUESTS = 1000;

export type LoggedRequest = {
  method: string;
  path: string;
  /** Repeated parameters become arrays. */
  query: Record<string, string | string[]>;
  time: string;
  /** `null` until answered, and forever for a hung or abandoned request. */
  status: number | null;
  /** The injected fault that decided the answer, if any. */
  faultId?: string;
};

export class RequestLog {
  private entries: LoggedRequest[] = [];

  record(method: string, url: URL): LoggedRequest {
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of url.searchParams) {
      const seen = query[name];
      query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query,
      time: new Date().toISOString(),
      status: null,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_LOGGED_REQUESTS) this.entries.shift();
    return entry;
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
