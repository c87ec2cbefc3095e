import "server-only";
import {
  CheckoutNotFoundError,
  SweetspotError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "@/lib/sweetspot/errors";

export const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" } as const;

const DEFAULT_RETRY_AFTER_SECONDS = 5;
const MAX_RETRY_AFTER_SECONDS = 120;

/** An error answer in the portal's JSON shape, never cached. */
export function errorJson(
  status: number,
  code: string,
  message: string,
  retryAfterSeconds?: number,
): Response {
  const headers: Record<string, string> = { ...PRIVATE_NO_STORE };
  if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
  return Response.json({ error: { code, message } }, { status, headers });
}

/**
 * The one mapping from the client's typed errors to JSON answers. Someone else's checkout and a
 * missing one answer the same 404; every upstream trouble is a 503 (504 for timeouts) with
 * Retry-After, and nothing of the upstream's answer is passed on. Anything else is a bug: rethrown.
 */
export function jsonResponseForError(error: unknown): Response {
  if (error instanceof CheckoutNotFoundError) {
    return errorJson(404, "not_found", "We can't find that checkout.");
  }
  if (!(error instanceof SweetspotError)) throw error;

  console.error(
    JSON.stringify({ event: "upstream_failure", error: error.name, path: error.path, status: error.status }),
  );
  if (error instanceof UpstreamTimeoutError) {
    return errorJson(
      504,
      "upstream_timeout",
      "The order service took too long to answer. Please try again.",
      DEFAULT_RETRY_AFTER_SECONDS,
    );
  }
  const retryAfter =
    error instanceof UpstreamUnavailableError && error.retryAfterSeconds !== undefined
      ? Math.min(Math.max(1, Math.ceil(error.retryAfterSeconds)), MAX_RETRY_AFTER_SECONDS)
      : DEFAULT_RETRY_AFTER_SECONDS;
  return errorJson(
    503,
    "upstream_unavailable",
    "We can't reach the order service right now. Please try again.",
    retryAfter,
  );
}
