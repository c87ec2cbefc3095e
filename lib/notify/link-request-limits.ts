import type { RateLimiter } from "@/lib/store/rate-limit";

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

/**
 * Counts one request against both limits; true when both allow it. Both are always counted, so a
 * client cannot spread attempts over customers for free. When the store is unreachable the request
 * is refused: a webhook that sends email is worth more to an abuser than to one customer now.
 */
export async function consumeLinkRequestAllowance(
  limiter: RateLimiter,
  request: { userId: string; clientIp: string },
): Promise<boolean> {
  const refuseWhenUnsure = { onStoreUnavailable: "refuse" } as const;
  const [byIp, byCustomer] = await Promise.all([
    limiter.consume(
      `link-request:ip:${request.clientIp}`,
      LINK_REQUEST_LIMITS.perClientIpPerHour,
      HOUR_SECONDS,
      refuseWhenUnsure,
    ),
    limiter.consume(
      `link-request:user:${await shortHash(request.userId)}`,
      LINK_REQUEST_LIMITS.perCustomerPerHour,
      HOUR_SECONDS,
      refuseWhenUnsure,
    ),
  ]);
  return byIp.allowed && byCustomer.allowed;
}

/** User ids never appear in store keys (docs/shared-state.md). */
async function shortHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 16), (byte) => byte.toString(16).padStart(2, "0")).join(
    "",
  );
}
