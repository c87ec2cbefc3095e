import type { SharedStore } from "@/lib/store/shared-store";

/**
 * `store`, noting the key (or prefix) of every write and delete in `changes`, so a test can see what
 * a look at the store would: which names a customer appears under, and that nothing was written.
 */
export function recordingChanges(store: SharedStore): { store: SharedStore; changes: string[] } {
  const changes: string[] = [];
  return {
    changes,
    store: {
      ...store,
      set: (key, value, ttl) => {
        changes.push(key);
        return store.set(key, value, ttl);
      },
      increment: (key, ttl) => {
        changes.push(key);
        return store.increment(key, ttl);
      },
      delete: (key) => {
        changes.push(key);
        return store.delete(key);
      },
      deleteByPrefix: (prefix) => {
        changes.push(prefix);
        return store.deleteByPrefix(prefix);
      },
    },
  };
}
