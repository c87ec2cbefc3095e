import { createRevocations } from "../../lib/auth/revocations";
import { createLastKnownGood } from "../../lib/store/last-known-good";
import { checkSecretMarker } from "../../lib/store/secret-marker";
import { type SharedStore, StoreUnavailableError } from "../../lib/store/shared-store";
import { describeTarget, type RevokeRequest } from "./revoke-cli";

/**
 * What `scripts/revoke.ts` does once it has a store and the secret: check the secret against the
 * portal's, revoke, and (for a customer) forget their saved views. Returns the exit code (0 revoked,
 * 1 nothing revoked: another secret, or the store did not answer); every line goes to `log`.
 */
export async function revokeInStore(
  store: SharedStore,
  secret: string,
  request: RevokeRequest,
  log: (line: string) => void,
): Promise<number> {
  try {
    const marker = await checkSecretMarker(store, secret);
    if (marker === "differs") {
      log(
        "revoke: nothing was revoked: this NEXTAUTH_SECRET is not the one the portal uses with this " +
          `store (${store.description}). The portal names a customer's entries with a digest keyed by ` +
          "its secret, so an entry written with another would never be read. Run the command with " +
          "the portal's own NEXTAUTH_SECRET (and check REDIS_URL names the portal's Redis).",
      );
      return 1;
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
    const { target, untilEpochSeconds } = request;
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
