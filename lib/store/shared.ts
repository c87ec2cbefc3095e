import "server-only";
import { env } from "@/lib/env";
import { keepSecretMarker } from "./secret-marker";
import type { SharedStore } from "./shared-store";
import { storeFromConfig } from "./store-from-config";

// On globalThis so dev-mode module reloading does not open a new Redis connection per edit.
const holder = globalThis as typeof globalThis & { __portalSharedStore?: SharedStore };

/**
 * The one store of this process, from REDIS_URL (see docs/shared-state.md). Its `description` is the
 * line for the start-up log and /api/health: "in-process store (one instance only)" or "redis at host:port".
 */
export function sharedStore(): SharedStore {
  if (holder.__portalSharedStore === undefined) {
    const config = env();
    const store = storeFromConfig(config);
    // For `npm run revoke`, which reads it before writing to this Redis: which secret names its keys.
    // Rewritten hourly; warns (JSON event) when another secret's marker is found there.
    // An in-process store is out of the command's reach, so it gets none.
    if (store.kind === "redis") keepSecretMarker(store, config.authSecret);
    holder.__portalSharedStore = store;
  }
  return holder.__portalSharedStore;
}
