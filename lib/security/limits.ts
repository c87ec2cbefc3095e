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
 * request)` first, and for a token `limitVerifiedToken(LIMITS.x, token)` once its signature verified;
 * it answers 429 with Retry-After when refused: a plain page for pages
 * (lib/plain-pages/link-pages.ts tooManyRequestsResponse), `rateLimitedJson` for JSON routes.
 *
 * Each limit counts per client address (lib/security/client-address.ts) and, when the route has
 * one, per key (a verified token). Neither reaches the store as it is, nor as a plain
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
  /** Per verified token (e.g. the link's): see `limitVerifiedToken`. */
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

export type RequestLimiter = {
  /** Counts this request against the limit's per-client rule: every request, before any other work. */
  client(limit: NamedLimit, request: Request): Promise<LimitVerdict>;
  /**
   * Counts one use of `token` against the limit's per-key rule; allowed when the limit has none or
   * there is no token. Only for a token whose signature verified: every key is a counter in the
   * store, so counting strings anyone can make up would let junk fill it (docs/security.md).
   */
  verifiedToken(limit: NamedLimit, token: string | null): Promise<LimitVerdict>;
};

/** Pure apart from the store: the portal's instance is `limitRequest` below; tests build their own. */
/** `secret` is the portal's NEXTAUTH_SECRET: addresses and keys are named by digests keyed from it. */
export function createRequestLimiter(
  store: SharedStore,
  options: { trustedProxyCount: number; secret: string; now?: () => number },
): RequestLimiter {
  const limiter: RateLimiter = createRateLimiter(store, options.now ? { now: options.now } : {});
  const nameInStore = keyedStoreName(options.secret, "requestLimitKeyNames");
  const consume = async (limit: NamedLimit, key: string, rule: LimitRule): Promise<LimitVerdict> => {
    const decision = await limiter.consume(key, rule.limit, rule.windowSeconds, {
      onStoreUnavailable: limit.onStoreUnavailable ?? "allow",
    });
    return decision.allowed
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: decision.retryAfterSeconds };
  };
  return {
    async client(limit, request) {
      const address = clientAddress(request.headers.get("x-forwarded-for"), options.trustedProxyCount);
      return consume(limit, `${limit.name}:ip:${await nameInStore(address)}`, limit.perClient);
    },
    async verifiedToken(limit, token) {
      if (!limit.perKey || token === null || token === "") return { allowed: true };
      return consume(limit, `${limit.name}:key:${await nameInStore(token)}`, limit.perKey);
    },
  };
}

let portalLimiter: RequestLimiter | undefined;

function portalRequestLimiter(): RequestLimiter {
  portalLimiter ??= createRequestLimiter(sharedStore(), {
    trustedProxyCount: env().trustedProxyCount,
    secret: env().authSecret,
  });
  return portalLimiter;
}

function recorded(limit: NamedLimit, verdict: LimitVerdict): LimitVerdict {
  if (!verdict.allowed) recordRateLimited(limit.name);
  return verdict;
}

/** Counts this request against `limit` per client address, in the portal's shared store. */
export async function limitRequest(limit: NamedLimit, request: Request): Promise<LimitVerdict> {
  return recorded(limit, await portalRequestLimiter().client(limit, request));
}

/**
 * Counts one use of a token against `limit`'s per-token rule, in the portal's shared store. Call it
 * only once the token's signature verified (see RequestLimiter.verifiedToken).
 */
export async function limitVerifiedToken(limit: NamedLimit, token: string | null): Promise<LimitVerdict> {
  return recorded(limit, await portalRequestLimiter().verifiedToken(limit, token));
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
