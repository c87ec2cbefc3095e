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

  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    commandOptions: { timeout },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 6), MAX_RECONNECT_DELAY_MS),
    },
  });
  // Without an 'error' listener an unreachable Redis would crash the process (EventEmitter rule).
  client.on("error", (error: unknown) => {
    if (!available) return;
    available = false;
    options.onStateChange?.("unavailable", `${description}: ${errorText(error)}`);
  });
  client.on("ready", () => {
    if (available) return;
    available = true;
    options.onStateChange?.("connected", description);
  });
  let closed = false;
  // Not awaited: start-up must not wait for Redis. Until it is ready, commands fail fast.
  client.connect().catch(() => {});

  async function run<T>(action: () => Promise<T>): Promise<T> {
    if (closed) throw new StoreUnavailableError(`${description}: the store was closed`);
    if (!client.isReady) throw new StoreUnavailableError(`${description}: not connected`);
    try {
      return await action();
    } catch (error) {
      // A reply error is our bug (e.g. a wrong type), not an outage: let it surface as itself.
      if (error instanceof ErrorReply) throw error;
      throw new StoreUnavailableError(`${description}: ${errorText(error)}`, { cause: error });
    }
  }

  return {
    description,
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
    deleteByPrefix(prefix) {
      // SCAN, never KEYS: KEYS blocks Redis for every client while it walks the whole key space.
      return run(async () => {
        let deleted = 0;
        const match = `${escapeGlob(namespace + prefix)}*`;
        for await (const keys of client.scanIterator({ MATCH: match, COUNT: SCAN_BATCH })) {
          if (keys.length > 0) deleted += await client.unlink(keys);
        }
        return deleted;
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      client.destroy();
    },
  };
}

/** SCAN MATCH is a glob: a prefix is meant literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
