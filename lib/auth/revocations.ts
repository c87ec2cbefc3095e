import { LINK_RENEWAL_WINDOW_SECONDS } from "@/lib/auth/link-token";
import { type SharedStore, StoreUnavailableError } from "@/lib/store/shared-store";
import { USER_ID_PATTERN } from "@/lib/sweetspot/ids";

/**
 * Revoked sessions, customers and email links, in the shared store so every instance refuses them.
 * Each entry lives until the token it revokes would have expired anyway (`until`), so the store
 * never fills with dead revocations. Pure apart from the store: the portal and scripts/revoke.ts
 * share it.
 *
 * Keys: `revoked:session:<sid>`, `revoked:link:<jti>`, `revoked:user:<sha-256 of the user id>` (the
 * user entry holds the revocation time: sessions issued at or before it are over).
 */

/** What a session check needs from the session token. */
export type SessionToken = { sid: string; userId: string /** issued at, epoch seconds */; iat: number };

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
   * Ends every session of this customer issued up to now (later sign-ins are unaffected). `until`
   * must reach the end of the longest such session (now + the session lifetime); a later call
   * replaces the entry, revocation time and TTL alike.
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
/** Session ids and link jtis are random tokens; anything else is not one of ours. */
export const TOKEN_ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

export function createRevocations(store: SharedStore, options: RevocationOptions = {}): Revocations {
  const now = options.now ?? Date.now;
  const graceMs = (options.outageGraceSeconds ?? DEFAULT_OUTAGE_GRACE_SECONDS) * 1000;
  // When this process first saw the store fail since it last answered: the grace runs from here.
  let outageSinceMs: number | null = null;
  const nowSeconds = () => Math.floor(now() / 1000);

  const remember = async (key: string, value: string, untilEpochSeconds: number) => {
    const ttlSeconds = Math.ceil(untilEpochSeconds - now() / 1000);
    if (ttlSeconds <= 0) return; // the token has expired already: nothing left to revoke
    await store.set(key, value, ttlSeconds);
  };

  const isSessionRevoked = async ({ sid, userId, iat }: SessionToken) => {
    // A malformed id cannot be looked up; fail closed.
    if (!TOKEN_ID_PATTERN.test(sid) || !USER_ID_PATTERN.test(userId)) return true;
    const [sessionEntry, userEntry] = await Promise.all([
      store.get(`revoked:session:${sid}`),
      userKey(userId).then((key) => store.get(key)),
    ]);
    if (sessionEntry !== null) return true;
    // Same-second sign-ins count as revoked: a second's inconvenience beats a surviving session.
    return userEntry !== null && iat <= Number(userEntry);
  };

  const isLinkRevoked = async ({ jti, userId, iat }: LinkToken) => {
    if ((jti !== null && !TOKEN_ID_PATTERN.test(jti)) || !USER_ID_PATTERN.test(userId)) return true;
    const [linkEntry, userEntry] = await Promise.all([
      jti === null ? null : store.get(`revoked:link:${jti}`),
      userKey(userId).then((key) => store.get(key)),
    ]);
    return linkEntry !== null || (userEntry !== null && iat <= Number(userEntry));
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
      await remember(await userKey(userId), String(nowSeconds()), until);
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

function assertTokenId(what: string, id: string): void {
  if (!TOKEN_ID_PATTERN.test(id)) {
    throw new RangeError(`not a ${what}: expected 8-128 letters, digits, "_" or "-"`);
  }
}

/** Hashed so a look at the store does not list customers. */
async function userKey(userId: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(userId));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `revoked:user:${hex.slice(0, 40)}`;
}
