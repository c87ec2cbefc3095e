import type { RateLimiter } from "@/lib/store/rate-limit";
import { keyedStoreName } from "@/lib/store/secret-derived-keys";

/**
 * How often "Email me a new link" may be asked, shared by every instance through the store's rate
 * limiter. Named and shaped so it can move into the portal's one table of limits later.
 */
export const LINK_REQUEST_LIMITS = {
  /** A customer gets at most this many fresh links an hour, whoever asks. */
  perCustomerPerHour: 3,
  /** One address may ask this many times an hour, across customers (a shared office or household). */
  perClientIpPerHour: 10,
} as const;

const HOUR_SECONDS = 60 * 60;

export type LinkRequestLimits = {
  /**
   * Counts one request against both limits; true when both allow it. Both are always counted, so a
   * client cannot spread attempts over customers for free. When the store is unreachable the
   * request is refused: a webhook that sends email is worth more to an abuser than to one customer now.
   */
  consume(request: { userId: string; clientIp: string }): Promise<boolean>;
};

/**
 * `secret` is the portal's NEXTAUTH_SECRET: customers and client addresses are counted under an HMAC
 * keyed from it (lib/store/secret-derived-keys.ts, docs/shared-state.md), never the id, the address or
 * a plain hash.
 */
export function createLinkRequestLimits(limiter: RateLimiter, secret: string): LinkRequestLimits {
  const nameCustomer = keyedStoreName(secret, "linkRequestLimitKeyNames");
  const refuseWhenUnsure = { onStoreUnavailable: "refuse" } as const;
  return {
    async consume({ userId, clientIp }) {
      const [byIp, byCustomer, countedByEarlierBuilds] = await Promise.all([
        // The address is named the same keyed way: a store dump shows no one's address. Counters
        // earlier builds kept under the address itself are not read; one hour's per-address count
        // restarts at the deploy, while the per-customer count above carries over.
        nameCustomer(`address ${clientIp}`).then((name) =>
          limiter.consume(
            `link-request:ip:${name}`,
            LINK_REQUEST_LIMITS.perClientIpPerHour,
            HOUR_SECONDS,
            refuseWhenUnsure,
          ),
        ),
        nameCustomer(userId).then((name) =>
          limiter.consume(
            `link-request:customer:${name}`,
            LINK_REQUEST_LIMITS.perCustomerPerHour,
            HOUR_SECONDS,
            refuseWhenUnsure,
          ),
        ),
        legacyCustomerLimitKey(userId).then((key) => limiter.countSoFar(key, HOUR_SECONDS)),
      ]);
      // A deploy must not reset the customer's hour: requests counted under the legacy key this
      // hour count too (allowed with `remaining` left ⇔ new + legacy ≤ the limit).
      const customerAllowed =
        byCustomer.allowed &&
        countedByEarlierBuilds !== null &&
        countedByEarlierBuilds <= byCustomer.remaining;
      return byIp.allowed && customerAllowed;
    },
  };
}

/**
 * LEGACY, read only: the key builds before the keyed digest counted a customer under (a plain
 * SHA-256 of the user id). Counters live to the end of their clock hour, so this read, and its test,
 * can go one hour after the deploy (docs/shared-state.md, "Migrating customer keys").
 */
export async function legacyCustomerLimitKey(userId: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(userId));
  return `link-request:user:${Buffer.from(digest).subarray(0, 16).toString("hex")}`;
}
