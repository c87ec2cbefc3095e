import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";
import type { SharedStore } from "./shared-store";

export type StoreLog = (message: string) => void;

/**
 * Redis when a URL is configured, else the in-process store. Pure (no env access) so scripts and
 * tests choose their own; the app uses sharedStore() in ./shared.ts.
 */
export function storeFromConfig(
  config: { redisUrl: string | null },
  log: StoreLog = console.warn,
): SharedStore {
  if (config.redisUrl === null) return createMemoryStore();
  return createRedisStore({
    url: config.redisUrl,
    onStateChange: (state, detail) =>
      log(
        state === "unavailable"
          ? `[store] unavailable, reconnecting in the background: ${detail}`
          : `[store] connected again: ${detail}`,
      ),
  });
}
