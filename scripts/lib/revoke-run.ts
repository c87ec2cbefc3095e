import { createRevocations } from "../../lib/auth/revocations";
import { createLastKnownGood } from "../../lib/store/last-known-good";
import { checkSecretMarker } from "../../lib/store/secret-marker";
import { type SharedStore, StoreUnavailableError } from "../../lib/store/shared-store";
import { describeTarget, type RevokeRequest } from "./revoke-cli";

/**
 * What `scripts/revoke.ts` does once it has a store and the secret: check the secret against the
 * portal's marker, revoke, and (for a customer) forget their saved views. Returns the exit code (0
 * revoked, 1 nothing revoked: a `--user` under another secret's marker without `skipSecretCheck`, or
 * the store did not answer); every line goes to `log`.
 */
export async function revokeInStore(
  store: SharedStore,
  secret: string,
  request: RevokeRequest,
  log: (line: string) => void,
): Promise<number> {
  try {
    const marker = await checkSecretMarker(store, secret);
    const { target, untilEpochSeconds, skipSecretCheck } = request;
    if (marker === "differs") {
      const why =
        `this NEXTAUTH_SECRET is not the one whose marker is in this store (${store.description}). ` +
        "The marker is the last writer's: either this is not the portal's secret (or REDIS_URL not the " +
        "portal's Redis), or another process with its own secret uses this Redis too (portal instances " +
        "rewrite theirs hourly, and log store_secret_marker_foreign when they find another).";
      if (target.kind === "user" && !skipSecretCheck) {
        // Only a customer's entry is named with the secret: written with another, no portal reads it.
        log(
          `revoke: nothing was revoked: ${why} A customer's entry is named with a digest keyed by the ` +
            "secret, so one written with another would never be read. Run the command with the portal's " +
            "own NEXTAUTH_SECRET; if you are sure it is, add --skip-secret-check.",
        );
        return 1;
      }
      log(
        `revoke: warning: ${why} ` +
          (target.kind === "user"
            ? "Writing anyway (--skip-secret-check)."
            : "A session's or a link's entry does not depend on the secret: revoking anyway."),
      );
    }
    if (marker === "absent") {
      // No portal has marked this store: none has started against it, or it restarted empty, or the
      // portals were stopped for over a week. The secret cannot be checked then, but refusing would
      // block an urgent revocation whenever the marker is missing, so warn and go on.
      log(
        "revoke: warning: no portal has recorded its secret in this store yet, so this NEXTAUTH_SECRET " +
          "cannot be checked against the portal's. Make sure it is the portal's own.",
      );
    }

    const revocations = createRevocations(store, secret);
    if (target.kind === "user") await revocations.revokeUser(target.userId, untilEpochSeconds);
    if (target.kind === "session") await revocations.revokeSession(target.sid, untilEpochSeconds);
    if (target.kind === "link") await revocations.revokeLink(target.jti, untilEpochSeconds);
    log(
      `Revoked ${describeTarget(target)} in ${store.description}, kept until ` +
        `${new Date(untilEpochSeconds * 1000).toISOString()}.`,
    );

    if (target.kind === "user") {
      if (await createLastKnownGood(store, secret).forgetCustomer(target.userId)) {
        log("Their saved views (last known good) are deleted too.");
      } else {
        log("Their saved views could not be deleted now; they expire within 24 h.");
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    log(`revoke: nothing was revoked: ${error.message}`);
    return 1;
  }
}
