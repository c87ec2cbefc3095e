/**
 * The typed failures of the Sweet Spot client, mapped once at the route boundary to a page and a status.
 * Messages are ours: no API key, no response body, no query string (it carries customer ids).
 */

type UpstreamErrorContext = {
  /** Path template without query, e.g. `/v1/checkouts/{id}`. */
  path?: string;
  /** HTTP status of the last attempt, when there was a response. */
  status?: number;
  /** Attempts made before giving up. */
  attempts?: number;
};

export class SweetspotError extends Error {
  override name = "SweetspotError";
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, context: UpstreamErrorContext = {}) {
    super(message);
    this.path = context.path;
    this.status = context.status;
    this.attempts = context.attempts;
  }
}

/** Not there, not this customer's, or not a valid id: all answer 404 the same way. */
export class CheckoutNotFoundError extends SweetspotError {
  override name = "CheckoutNotFoundError";

  constructor(context: UpstreamErrorContext = {}) {
    super("Checkout not found", context);
  }
}

/** 401/403: the portal's key is wrong or lacks permission. An operator problem, not a customer one. */
export class UpstreamAuthError extends SweetspotError {
  override name = "UpstreamAuthError";
}

/** The API is down, overloaded (5xx, 429) or unreachable. Routes answer 503. */
export class UpstreamUnavailableError extends SweetspotError {
  override name = "UpstreamUnavailableError";
  /** From `Retry-After`, when the API sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, context: UpstreamErrorContext & { retryAfterSeconds?: number } = {}) {
    super(message, context);
    this.retryAfterSeconds = context.retryAfterSeconds;
  }
}

/**
 * The API answered 429: it rate-limits the organization's key, which the organization's own checkout
 * flows share. Not the API being down (the breaker ignores it); every instance pauses (budget.ts).
 */
export class UpstreamRateLimitedError extends UpstreamUnavailableError {
  override name = "UpstreamRateLimitedError";
}

/**
 * The portal did not call the API, to stay within the deployment's upstream budget or a 429's pause
 * (lib/sweetspot/budget.ts). Pages answer it like any unavailability (last known good, or the calm
 * error page); the live page's poller is told "unchanged, ask again later".
 */
export class UpstreamHeldBackError extends UpstreamUnavailableError {
  override name = "UpstreamHeldBackError";
  readonly reason: "budget" | "paused";

  constructor(reason: "budget" | "paused", retryAfterSeconds: number) {
    super(
      reason === "budget"
        ? "Sweet Spot API call held back: the upstream budget for this second is spent"
        : "Sweet Spot API call held back: the API rate-limited the key (429) and every instance is pausing",
      { retryAfterSeconds },
    );
    this.reason = reason;
  }
}

/** Every attempt timed out. A kind of unavailability; routes may answer 504 instead of 503. */
export class UpstreamTimeoutError extends UpstreamUnavailableError {
  override name = "UpstreamTimeoutError";
}

/** The API answered, but not with something we can use (not JSON, wrong shape, unexpected 4xx). */
export class UpstreamInvalidResponseError extends SweetspotError {
  override name = "UpstreamInvalidResponseError";
}

/**
 * The customer's scoped read returned a record we cannot show safely (no usable id, repeated keys…).
 * Still a "not found" wherever errors are mapped generically, so nothing is shown; the checkout page
 * says plainly that the order could not be shown and how to reach support.
 */
export class CheckoutUnreadableError extends CheckoutNotFoundError {
  override name = "CheckoutUnreadableError";
}
