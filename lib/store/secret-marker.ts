import { secretMarker } from "./secret-derived-keys";
import { type SharedStore, StoreUnavailableError } from "./shared-store";

/**
 * Which NEXTAUTH_SECRET names this store's keys. Customer entries are keyed by digests of that
 * secret, so `npm run revoke` run with another one writes where no portal looks, and says nothing.
 * The portal therefore leaves a fingerprint of its secret in the store (`secretMarker`, never the
 * secret), and the command compares its own before it writes (scripts/lib/revoke-run.ts).
 */

export const SECRET_MARKER_KEY = "secret-marker";
/** Rewritten every day while a portal runs, so a week outlives any gap but a long-stopped portal's. */
const MARKER_TTL_SECONDS = 7 * 24 * 60 * 60;
const REFRESH_MS = 24 * 60 * 60 * 1000;
/** After a failed write (Redis not reachable yet, or restarted empty later), try again soon. */
const RETRY_MS = 60 * 1000;

export type SecretMarkerCheck = "matches" | "differs" | "absent";

export async function writeSecretMarker(store: SharedStore, secret: string): Promise<void> {
  await store.set(SECRET_MARKER_KEY, await secretMarker(secret), MARKER_TTL_SECONDS);
}

/** Throws StoreUnavailableError when the store cannot answer. */
export async function checkSecretMarker(store: SharedStore, secret: string): Promise<SecretMarkerCheck> {
  const stored = await store.get(SECRET_MARKER_KEY);
  if (stored === null) return "absent";
  return stored === (await secretMarker(secret)) ? "matches" : "differs";
}

/**
 * Writes the marker now and keeps it written: again every day, or a minute after a failed write.
 * The timer never keeps the process alive. Returns a stop function (for tests).
 */
export function keepSecretMarker(
  store: SharedStore,
  secret: string,
  log: (message: string) => void = console.warn,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const write = async () => {
    let next = REFRESH_MS;
    try {
      await writeSecretMarker(store, secret);
    } catch (error) {
      next = RETRY_MS;
      // An outage is logged by the store itself; anything else is worth a line.
      if (!(error instanceof StoreUnavailableError))
        log(`[store] could not write the secret marker: ${error}`);
    }
    if (stopped) return;
    timer = setTimeout(write, next);
    timer.unref?.();
  };
  void write();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
