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
      const [byIp, byCustomer] = await Promise.all([
        // The address is named the same keyed way: a store dump shows no one's address.
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
      ]);
      return byIp.allowed && byCustomer.allowed;
    },
  };
}
