import { secretMarker } from "./secret-derived-keys";
import { type SharedStore, StoreUnavailableError } from "./shared-store";

/**
 * Which NEXTAUTH_SECRET names this store's keys. Customer entries are keyed by digests of that
 * secret, so `npm run revoke -- --user` run with another one writes where no portal looks, and says
 * nothing. The portal therefore leaves a fingerprint of its secret in the store (`secretMarker`,
 * never the secret), and the command compares its own before it writes (scripts/lib/revoke-run.ts).
 *
 * The marker is the last writer's: any process with another secret using the same Redis (a staging
 * portal, a test run) replaces it. So instances rewrite it hourly, and say loudly when they find
 * another secret's marker there (a Redis shared by mistake); the command refuses only `--user`
 * on a differing marker, and can be told to skip the check.
 */

export const SECRET_MARKER_KEY = "secret-marker";
/** Rewritten every hour while a portal runs, so a week outlives any gap but a long-stopped portal's. */
const MARKER_TTL_SECONDS = 7 * 24 * 60 * 60;
export const SECRET_MARKER_REFRESH_MS = 60 * 60 * 1000;
/** After a failed write (Redis not reachable yet, or restarted empty later), try again soon. */
export const SECRET_MARKER_RETRY_MS = 60 * 1000;

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

export type KeepSecretMarkerOptions = {
  /** Where the lines go (JSON, like the portal's other logs; never a secret or a fingerprint). */
  warn?: (line: string) => void;
  /** Called after each attempt, once the next one is scheduled (for tests: no polling). */
  onAttempt?: (outcome: "written" | "failed") => void;
};

/**
 * Writes the marker now and keeps it written: again every hour, or a minute after a failed write.
 * Before each write it reads the marker, and warns when another secret's is there. The timer never
 * keeps the process alive. Returns a stop function (for tests).
 */
export function keepSecretMarker(
  store: SharedStore,
  secret: string,
  options: KeepSecretMarkerOptions = {},
): () => void {
  const warn = options.warn ?? console.warn;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const write = async () => {
    let next = SECRET_MARKER_REFRESH_MS;
    let outcome: "written" | "failed" = "written";
    try {
      if ((await checkSecretMarker(store, secret)) === "differs") {
        warn(
          JSON.stringify({
            event: "store_secret_marker_foreign",
            store: store.description,
            message:
              "this store holds the secret marker of another NEXTAUTH_SECRET: another portal or process " +
              "with its own secret uses the same Redis (and namespace). Give each its own Redis or " +
              "namespace; until then `npm run revoke -- --user` may refuse or write where this portal " +
              "does not look.",
          }),
        );
      }
      await writeSecretMarker(store, secret);
    } catch (error) {
      next = SECRET_MARKER_RETRY_MS;
      outcome = "failed";
      // An outage is logged by the store itself; anything else is worth a line.
      if (!(error instanceof StoreUnavailableError)) {
        warn(JSON.stringify({ event: "store_secret_marker_failed", error: String(error) }));
      }
    }
    if (stopped) return;
    timer = setTimeout(write, next);
    timer.unref?.();
    options.onAttempt?.(outcome);
  };
  void write();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
