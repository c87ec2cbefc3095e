import { createClient, ErrorReply } from "@redis/client";
import { assertTtlSeconds, DEFAULT_NAMESPACE, type SharedStore, StoreUnavailableError } from "./shared-store";

export type RedisStoreOptions = {
  /** `redis://` or `rediss://` (TLS), with optional user, password and database number. */
  url: string;
  namespace?: string;
  /** How long one command may take before it fails with StoreUnavailableError. */
  commandTimeoutMs?: number;
  /** Called once when the connection is lost and once when it is back (the store never logs secrets). */
  onStateChange?: (state: "connected" | "unavailable", detail: string) => void;
};

export const DEFAULT_COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;
const MAX_RECONNECT_DELAY_MS = 5_000;
const SCAN_BATCH = 500;
const MAX_QUEUED_COMMANDS = 5_000;
const TRANSIENT_REPLY = /^(LOADING|READONLY|MASTERDOWN|BUSY|TRYAGAIN|CLUSTERDOWN|NOAUTH|WRONGPASS)\b/;

// INCR and EXPIRE in one script so the TTL is set exactly when a window starts, even if this
// instance dies between the two: a counter without a TTL would never reset.
const INCREMENT_WITH_TTL = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** "redis at host:port" (with "(TLS)" for rediss): for logs and /api/health, never the password. */
export function describeRedisUrl(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || "6379";
  return `redis at ${parsed.hostname}:${port}${parsed.protocol === "rediss:" ? " (TLS)" : ""}`;
}

/**
 * The store for several instances. When Redis is unreachable the process keeps running: commands are
 * not queued (that would turn an outage into hung requests) but fail within `commandTimeoutMs` with
 * StoreUnavailableError, and the client reconnects in the background with capped backoff, forever.
 */
export function createRedisStore(options: RedisStoreOptions): SharedStore {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const description = describeRedisUrl(options.url);
  const timeout = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  let available = true;
  let closed = false;
  // Not awaited below: start-up must not wait for Redis. The first commands wait for the first
  // connection at most `timeout`; once it failed (or ever while disconnected) they fail at once.
  let firstConnection: Promise<unknown> | null = null;

  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    // The client's own timeout only covers commands not yet written; a hung server is caught by the
    // deadline in run(). Commands it leaves pending are bounded by this queue length.
    commandOptions: { timeout },
    commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 6), MAX_RECONNECT_DELAY_MS),
    },
  });
  // Without an 'error' listener an unreachable Redis would crash the process (EventEmitter rule).
  client.on("error", (error: unknown) => {
    firstConnection = null;
    if (!available) return;
    available = false;
    options.onStateChange?.("unavailable", `${description}: ${errorText(error)}`);
  });
  client.on("ready", () => {
    if (available) return;
    available = true;
    options.onStateChange?.("connected", description);
  });
  const connecting = client.connect().then(
    () => {
      firstConnection = null;
    },
    () => {
      firstConnection = null;
    },
  );
  firstConnection = connecting;

  async function run<T>(action: () => Promise<T>): Promise<T> {
    if (closed) throw new StoreUnavailableError(`${description}: the store was closed`);
    if (!client.isReady && firstConnection) await settleWithin(firstConnection, timeout);
    if (!client.isReady) {
      throw new StoreUnavailableError(`${description}: not connected (reconnecting in the background)`);
    }
    try {
      return await withDeadline(action(), timeout);
    } catch (error) {
      // Most reply errors are our bugs (e.g. a wrong type) and surface as themselves; a few mean the
      // server cannot serve right now (loading, failing over, busy, auth lost): those are outages.
      if (error instanceof ErrorReply && !TRANSIENT_REPLY.test(error.message)) throw error;
      throw new StoreUnavailableError(`${description}: ${errorText(error)}`, { cause: error });
    }
  }

  return {
    description,
    kind: "redis",
    isAvailable: () => !closed && client.isReady,
    get(key) {
      return run(() => client.get(namespace + key));
    },
    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      await run(() => client.set(namespace + key, value, { expiration: { type: "EX", value: ttlSeconds } }));
    },
    async increment(key, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      const reply = await run(() =>
        client.eval(INCREMENT_WITH_TTL, { keys: [namespace + key], arguments: [String(ttlSeconds)] }),
      );
      return Number(reply);
    },
    async delete(key) {
      await run(() => client.unlink(namespace + key));
    },
    async deleteByPrefix(prefix) {
      // SCAN, never KEYS: KEYS blocks Redis for every client while it walks the whole key space.
      // Each step gets its own deadline, so a large key space is slow to walk but never "unavailable".
      const match = `${escapeGlob(namespace + prefix)}*`;
      let cursor = "0";
      let deleted = 0;
      do {
        const page = await run(() => client.scan(cursor, { MATCH: match, COUNT: SCAN_BATCH }));
        cursor = String(page.cursor);
        const keys = page.keys;
        if (keys.length > 0) deleted += await run(() => client.unlink(keys));
      } while (cursor !== "0");
      return deleted;
    },
    async close() {
      if (closed) return;
      closed = true;
      client.destroy();
    },
  };
}

class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * `promise`, or DeadlineExceeded after `ms`. When the timer fires, the verdict waits for the event
 * loop's next I/O poll (setImmediate runs right after it): a process that was too busy to read for
 * longer than `ms` (a blast on a loaded host) finds its timer due before it reads the reply that
 * came meanwhile, and would call a Redis that answered in time unavailable.
 */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let afterPoll: NodeJS.Immediate | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      afterPoll = setImmediate(() => reject(new DeadlineExceeded(ms)));
    }, ms);
  });
  return Promise.race([promise, expiry]).finally(() => {
    clearTimeout(timer);
    clearImmediate(afterPoll);
  });
}

function settleWithin(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

/** SCAN MATCH is a glob: a prefix is meant literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
