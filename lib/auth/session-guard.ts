import { createLastKnownGood } from "@/lib/store/last-known-good";
import type { SharedStore } from "@/lib/store/shared-store";
import type { LinkClaims } from "./link-token";
import { createRevocations, type LinkVerdict, type RevocationOptions } from "./revocations";
import type { CustomerSession } from "./session-claims";

/**
 * What the portal's routes ask of revocation (lib/auth/revocations.ts), with its outage policy
 * applied (docs/shared-state.md): may this session be served, may this link sign in, and sign-out.
 * Pure apart from the store; the portal's one instance is `sessionGuard()` in ./portal-session-guard.ts.
 */
export type SessionGuard = {
  /**
   * Whether a decoded, unexpired session may be served: not revoked (its `sid`, or its customer
   * since it signed in). While the store is unreachable, yes for a short grace, then no.
   */
  sessionIsUsable(session: CustomerSession): Promise<boolean>;
  /**
   * Whether the store confirms the session is not revoked, with no outage grace: for keeping
   * something written on the session's behalf (a saved view), where "could not check" must mean no.
   */
  sessionIsConfirmedActive(session: CustomerSession): Promise<boolean>;
  /**
   * Whether a verified link may sign in: not revoked by its `jti`, nor by its customer's revocation
   * since it was issued. A link without a `jti` can only be revoked with its customer.
   */
  linkVerdict(link: Pick<LinkClaims, "tokenId" | "userId" | "issuedAt">): Promise<LinkVerdict>;
  /**
   * Sign-out: the session is refused on every instance until its own end, and the customer's saved
   * views are deleted. Never throws for an unreachable store: the cookie is cleared anyway, so the
   * outcome is reported for the log instead.
   */
  endSession(session: CustomerSession): Promise<SignOutRecord>;
};

export type SignOutRecord = { revoked: boolean; viewsForgotten: boolean };

export function createSessionGuard(
  store: SharedStore,
  authSecret: string,
  options: RevocationOptions = {},
): SessionGuard {
  const revocations = createRevocations(store, authSecret, options);
  const views = createLastKnownGood(store, authSecret, options.now ? { now: options.now } : {});
  const verdictFor = (session: CustomerSession) =>
    revocations.sessionVerdict({
      sid: session.sessionId,
      userId: session.userId,
      signedInAt: session.signedInAt,
    });
  return {
    async sessionIsUsable(session) {
      const verdict = await verdictFor(session);
      return verdict === "active" || verdict === "active_unverified";
    },
    async sessionIsConfirmedActive(session) {
      return (await verdictFor(session)) === "active";
    },
    linkVerdict(link) {
      return revocations.linkVerdict({ jti: link.tokenId, userId: link.userId, iat: link.issuedAt });
    },
    async endSession(session) {
      // Revoke, then delete, never both at once: a save of this customer's view still under way
      // checks the session after writing (last-known-good.ts `rememberView`), so whatever it writes
      // is either seen as revoked there or written before the revocation, hence before this delete.
      // The delete is made even when the revocation could not be; then a save landing after it is
      // kept, like the session itself, which stays valid elsewhere until its end (the documented
      // outage case: docs/shared-state.md).
      const revoked = await revocations.revokeSession(session.sessionId, session.expiresAt).then(
        () => true,
        () => false,
      );
      const viewsForgotten = await views.forgetCustomer(session.userId).catch(() => false);
      return { revoked, viewsForgotten };
    },
  };
}
