import {
  CLOCK_SKEW_SECONDS,
  LINK_LONGEST_REACH_SECONDS,
  LINK_RENEWAL_WINDOW_SECONDS,
} from "@/lib/auth/link-token";
import { MAX_SESSION_LIFETIME_DAYS } from "@/lib/config/schema";
import { keyedStoreName } from "@/lib/store/secret-derived-keys";
import { type SharedStore, StoreUnavailableError } from "@/lib/store/shared-store";
import { USER_ID_PATTERN } from "@/lib/sweetspot/ids";

/**
 * Revoked sessions, customers and email links, in the shared store so every instance refuses them.
 * Each entry lives until what it revokes can no longer be used anyway (`until`; a link's plus its
 * renewal window, a customer's at least CUSTOMER_REVOCATION_SECONDS), so the store never fills with
 * dead revocations. Pure apart from the store: the portal and scripts/revoke.ts share it.
 *
 * Keys: `revoked:session:<sid>`, `revoked:link:<jti>`, `revoked:customer:<HMAC of the user id>` (the
 * customer entry holds the revocation time: sessions and links issued at or before it are over). The
 * HMAC's key is derived from NEXTAUTH_SECRET (lib/store/secret-derived-keys.ts), so a look at the
 * store can neither list customers nor confirm a guessed user id.
 *
 * The revocation time comes from the clock of the machine that ran `npm run revoke`, the times it is
 * compared with from a portal instance's (a sign-in) or the link minter's (a link's `iat`). Those
 * clocks may differ by up to CLOCK_SKEW_SECONDS, the tolerance link verification allows too, so
 * whatever was issued up to that long after the revocation counts as issued before it
 * (`issuedBeforeRevocation`): a sign-in or link in the minute after a revocation is refused as well.
 */

/** What a session check needs from the session. */
export type SessionToken = {
  sid: string;
  userId: string;
  /** When the customer signed in, epoch seconds (the session's own claim, never the cookie's `iat`). */
  signedInAt: number;
};

/**
 * What callers do with a session, the store's outage included:
 * - `active`: not revoked.
 * - `active_unverified`: the store is unreachable, but for less than the grace period: serve the
 *   session (count it in metrics). A short outage should not sign every customer out.
 * - `revoked` / `unverifiable` (unreachable longer than the grace): refuse, as if signed out.
 */
export type SessionVerdict = "active" | "active_unverified" | "revoked" | "unverifiable";

/** Email links fail closed: a link that cannot be checked is refused (`unverifiable`). */
export type LinkVerdict = "usable" | "revoked" | "unverifiable";

export type Revocations = {
  revokeSession(sid: string, untilEpochSeconds: number): Promise<void>;
  /**
   * Ends every session and email link of this customer issued up to now (later sign-ins are
   * unaffected). Kept until `until`, but never less than CUSTOMER_REVOCATION_SECONDS from now (an
   * earlier `until` is moved up to that): a shorter entry would let an older link sign in or ask for
   * a new link again once it expired. A later call replaces the entry, revocation time and TTL alike.
   */
  revokeUser(userId: string, untilEpochSeconds: number): Promise<void>;
  /** Kept until `until` (the link's expiry) plus LINK_RENEWAL_WINDOW_SECONDS, so renewal is refused too. */
  revokeLink(jti: string, untilEpochSeconds: number): Promise<void>;
  /** Throws StoreUnavailableError when the store cannot answer; most callers want sessionVerdict. */
  isSessionRevoked(session: SessionToken): Promise<boolean>;
  /**
   * Revoked by its own `jti`, or by its customer's revocation since it was issued (`npm run revoke --
   * --user` ends the customer's links too). Throws StoreUnavailableError when the store cannot
   * answer; most callers want linkVerdict.
   */
  isLinkRevoked(link: LinkToken): Promise<boolean>;
  /** The outage policy for sessions (see SessionVerdict). */
  sessionVerdict(session: SessionToken): Promise<SessionVerdict>;
  /** The outage policy for link sign-in (see LinkVerdict). */
  linkVerdict(link: LinkToken): Promise<LinkVerdict>;
};

/** An email link as revocation sees it: its `jti` (null for links minted without one), whose it is, when issued. */
export type LinkToken = { jti: string | null; userId: string; iat: number };

export type RevocationOptions = {
  /** Milliseconds since the epoch; injected for tests. */
  now?: () => number;
  /** How long sessions are served unverified while the store is unreachable. */
  outageGraceSeconds?: number;
};

export const DEFAULT_OUTAGE_GRACE_SECONDS = 60;

const DAY_SECONDS = 24 * 60 * 60;
/**
 * The least time a customer's revocation is kept: until everything issued before it is over. That
 * is the longest a link can still sign in or be renewed after it was issued, or the longest session,
 * whichever is longer, plus the clock skew tolerated between the machine that revoked and the
 * portal's; rounded up to whole days so operators can read it (61 days with today's limits: a 30-day
 * link, renewable 30 days after it expired).
 */
export const CUSTOMER_REVOCATION_SECONDS =
  Math.ceil(
    (Math.max(LINK_LONGEST_REACH_SECONDS, MAX_SESSION_LIFETIME_DAYS * DAY_SECONDS) + CLOCK_SKEW_SECONDS) /
      DAY_SECONDS,
  ) * DAY_SECONDS;
/** Session ids and link jtis are random tokens; anything else is not one of ours. */
export const TOKEN_ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * `secret` is the portal's NEXTAUTH_SECRET: customer revocations are stored under a name derived from
 * it, so every instance and `npm run revoke` must use the same one.
 */
export function createRevocations(
  store: SharedStore,
  secret: string,
  options: RevocationOptions = {},
): Revocations {
  const now = options.now ?? Date.now;
  const nameCustomer = keyedStoreName(secret, "customerRevocationKeyNames");
  const customerKey = async (userId: string) => `revoked:customer:${await nameCustomer(userId)}`;
  /** When the customer was last revoked (epoch seconds); null when never. */
  const customerRevokedAt = async (userId: string): Promise<number | null> =>
    revocationTime(await store.get(await customerKey(userId)));
  const graceMs = (options.outageGraceSeconds ?? DEFAULT_OUTAGE_GRACE_SECONDS) * 1000;
  // When this process first saw the store fail since it last answered: the grace runs from here.
  let outageSinceMs: number | null = null;
  const nowSeconds = () => Math.floor(now() / 1000);

  const remember = async (key: string, value: string, untilEpochSeconds: number) => {
    const ttlSeconds = Math.ceil(untilEpochSeconds - now() / 1000);
    if (ttlSeconds <= 0) return; // the token has expired already: nothing left to revoke
    await store.set(key, value, ttlSeconds);
  };

  const isSessionRevoked = async ({ sid, userId, signedInAt }: SessionToken) => {
    // A malformed id cannot be looked up; fail closed.
    if (!TOKEN_ID_PATTERN.test(sid) || !USER_ID_PATTERN.test(userId)) return true;
    const [sessionEntry, revokedAt] = await Promise.all([
      store.get(`revoked:session:${sid}`),
      customerRevokedAt(userId),
    ]);
    return sessionEntry !== null || issuedBeforeRevocation(signedInAt, revokedAt);
  };

  const isLinkRevoked = async ({ jti, userId, iat }: LinkToken) => {
    if ((jti !== null && !TOKEN_ID_PATTERN.test(jti)) || !USER_ID_PATTERN.test(userId)) return true;
    const [linkEntry, revokedAt] = await Promise.all([
      jti === null ? null : store.get(`revoked:link:${jti}`),
      customerRevokedAt(userId),
    ]);
    return linkEntry !== null || issuedBeforeRevocation(iat, revokedAt);
  };

  /** Runs a check, tracking the outage; returns "unavailable" instead of throwing. */
  const checked = async (check: () => Promise<boolean>): Promise<boolean | "unavailable"> => {
    try {
      const revoked = await check();
      outageSinceMs = null;
      return revoked;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      outageSinceMs ??= now();
      return "unavailable";
    }
  };

  return {
    async revokeSession(sid, until) {
      assertTokenId("session id", sid);
      await remember(`revoked:session:${sid}`, "1", until);
    },
    async revokeUser(userId, until) {
      if (!USER_ID_PATTERN.test(userId)) throw new RangeError(`not a user id: ${JSON.stringify(userId)}`);
      const keptUntil = Math.max(until, nowSeconds() + CUSTOMER_REVOCATION_SECONDS);
      await remember(await customerKey(userId), String(nowSeconds()), keptUntil);
    },
    async revokeLink(jti, until) {
      assertTokenId("link id (jti)", jti);
      // Kept through the renewal window too: an expired link can still ask for a fresh one.
      await remember(`revoked:link:${jti}`, "1", until + LINK_RENEWAL_WINDOW_SECONDS);
    },
    isSessionRevoked,
    isLinkRevoked,
    async sessionVerdict(session) {
      const result = await checked(() => isSessionRevoked(session));
      if (result === "unavailable") {
        return now() - (outageSinceMs ?? now()) < graceMs ? "active_unverified" : "unverifiable";
      }
      return result ? "revoked" : "active";
    },
    async linkVerdict(link) {
      const result = await checked(() => isLinkRevoked(link));
      if (result === "unavailable") return "unverifiable";
      return result ? "revoked" : "usable";
    },
  };
}

/**
 * Whether something issued at `issuedAt` (epoch seconds, another machine's clock) is covered by a
 * revocation made at `revokedAt`: up to CLOCK_SKEW_SECONDS later counts, as clocks may be that far
 * apart (and same-second sign-ins too: a minute's inconvenience beats a surviving session).
 */
function issuedBeforeRevocation(issuedAt: number, revokedAt: number | null): boolean {
  return revokedAt !== null && issuedAt <= revokedAt + CLOCK_SKEW_SECONDS;
}

/** A customer entry's revocation time, or null when absent or not a number (never written so). */
function revocationTime(entry: string | null): number | null {
  return entry !== null && Number.isFinite(Number(entry)) ? Number(entry) : null;
}

function assertTokenId(what: string, id: string): void {
  if (!TOKEN_ID_PATTERN.test(id)) {
    throw new RangeError(`not a ${what}: expected 8-128 letters, digits, "_" or "-"`);
  }
}
