import { env } from "@/lib/env";
import { errorJson } from "@/lib/http/json-errors";
import { createRateLimiter, type RateLimiter } from "@/lib/store/rate-limit";
import { keyedStoreName } from "@/lib/store/secret-derived-keys";
import { sharedStore } from "@/lib/store/shared";
import type { SharedStore } from "@/lib/store/shared-store";
import { recordRateLimited } from "@/lib/telemetry/portal-metrics";
import { clientAddress } from "./client-address";

/**
 * The portal's named rate limits, counted in the shared store so every instance counts together
 * (lib/store/rate-limit.ts; docs/security.md: Rate limits). A route asks `limitRequest(LIMITS.x,
 * request, key?)` and answers 429 with Retry-After when refused: a plain page for pages
 * (lib/plain-pages/link-pages.ts tooManyRequestsResponse), `rateLimitedJson` for JSON routes.
 *
 * Each limit counts per client address (lib/security/client-address.ts) and, when the route has
 * one, per key (a token, an email address). Neither reaches the store as it is, nor as a plain
 * hash, which anyone reading the store could match against guessed emails or the few billion IPv4
 * addresses: both are named by an HMAC under a key derived from NEXTAUTH_SECRET for this purpose
 * (lib/store/secret-derived-keys.ts). Rotating the secret restarts each count once: at most one
 * extra window (a minute) of allowance, which a short abuse limit can afford.
 */

type LimitRule = { limit: number; windowSeconds: number };

type NamedLimit = {
  /** Part of the store key: letters, digits and "-". */
  name: string;
  perClient: LimitRule;
  /** For the `key` a route passes (e.g. the link's token); ignored when it passes none. */
  perKey?: LimitRule;
  /** Default "allow": a store outage must not lock customers out (docs/shared-state.md). */
  onStoreUnavailable?: "allow" | "refuse";
};

const NAME_PATTERN = /^[a-z0-9-]{1,40}$/;

/** A limit of the portal's own; other features (e.g. "email me a link") define theirs with this. */
export function defineLimit(limit: NamedLimit): NamedLimit {
  if (!NAME_PATTERN.test(limit.name)) throw new RangeError(`limit names are a-z, 0-9 and "-": ${limit.name}`);
  return Object.freeze({ ...limit });
}

export const LIMITS = {
  /**
   * Email links. A customer opens one a few times; 20 a minute per link stops a forwarded link being
   * hammered, and 120 a minute per address leaves room for an office behind one address.
   */
  link: defineLimit({
    name: "link",
    perClient: { limit: 120, windowSeconds: 60 },
    perKey: { limit: 20, windowSeconds: 60 },
  }),
  /**
   * Status images. Mail providers fetch images for all their users through a few proxy addresses,
   * so the per-address limit is high; the per-token one is what stops a loop.
   */
  statusImage: defineLimit({
    name: "status-image",
    perClient: { limit: 600, windowSeconds: 60 },
    perKey: { limit: 20, windowSeconds: 60 },
  }),
  /** Starting a sign-in (OpenID Connect, sandbox): people do it a few times, scripts many. */
  signIn: defineLimit({ name: "sign-in", perClient: { limit: 30, windowSeconds: 60 } }),
} as const;

type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type RequestLimiter = (limit: NamedLimit, request: Request, key?: string | null) => Promise<LimitVerdict>;

/** Pure apart from the store: the portal's instance is `limitRequest` below; tests build their own. */
/** `secret` is the portal's NEXTAUTH_SECRET: addresses and keys are named by digests keyed from it. */
export function createRequestLimiter(
  store: SharedStore,
  options: { trustedProxyCount: number; secret: string; now?: () => number },
): RequestLimiter {
  const limiter: RateLimiter = createRateLimiter(store, options.now ? { now: options.now } : {});
  const nameInStore = keyedStoreName(options.secret, "requestLimitKeyNames");
  return async (limit, request, key) => {
    const consumeOptions = { onStoreUnavailable: limit.onStoreUnavailable ?? "allow" } as const;
    const address = clientAddress(request.headers.get("x-forwarded-for"), options.trustedProxyCount);
    const { perClient, perKey } = limit;
    const byClient = await limiter.consume(
      `${limit.name}:ip:${await nameInStore(address)}`,
      perClient.limit,
      perClient.windowSeconds,
      consumeOptions,
    );
    if (!byClient.allowed) return { allowed: false, retryAfterSeconds: byClient.retryAfterSeconds };
    if (!perKey || key === undefined || key === null || key === "") return { allowed: true };
    const byKey = await limiter.consume(
      `${limit.name}:key:${await nameInStore(key)}`,
      perKey.limit,
      perKey.windowSeconds,
      consumeOptions,
    );
    return byKey.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: byKey.retryAfterSeconds };
  };
}

let portalLimiter: RequestLimiter | undefined;

/**
 * Counts this request against `limit` (per client address, and per `key` when given) in the
 * portal's shared store.
 */
export async function limitRequest(
  limit: NamedLimit,
  request: Request,
  key?: string | null,
): Promise<LimitVerdict> {
  portalLimiter ??= createRequestLimiter(sharedStore(), {
    trustedProxyCount: env().trustedProxyCount,
    secret: env().authSecret,
  });
  const verdict = await portalLimiter(limit, request, key);
  if (!verdict.allowed) recordRateLimited(limit.name);
  return verdict;
}

/** The JSON routes' answer to a refused request. */
export function rateLimitedJson(retryAfterSeconds: number): Response {
  return errorJson(
    429,
    "rate_limited",
    "Too many requests. Please wait a moment and try again.",
    retryAfterSeconds,
  );
}
