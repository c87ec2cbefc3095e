import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { verifyStatusImageToken } from "@/lib/auth/link-token";
import { loadCheckoutView } from "@/lib/checkout/load";
import type { CheckoutView } from "@/lib/checkout/types";
import { env } from "@/lib/env";
import { errorJson, jsonResponseForError } from "@/lib/http/json-errors";
import { renderStatusImage } from "@/lib/images/render";
import { StatusImageCache, statusImageCacheKey } from "@/lib/images/status-image-cache";
import { statusImageWidthFrom } from "@/lib/images/status-image-layout";
import { InProcessRateLimiter, type RateLimiter } from "@/lib/security/rate-limit";
import { CheckoutNotFoundError } from "@/lib/sweetspot/errors";

// Fonts are read from disk and the PNG is rendered with Node APIs.
export const runtime = "nodejs";

/** An email is opened a few times; a token fetched more often than this is being abused. */
const RATE = { limit: 20, windowSeconds: 60 };

// In-process for now: the shared store will implement RateLimiter so every instance counts together.
const limiter: RateLimiter = new InProcessRateLimiter();
const cache = new StatusImageCache();

type Context = { params: Promise<{ id: string }> };

/**
 * A checkout's progress as a PNG, for notification emails: `?token=` is a status-image token
 * (docs/link-tokens.md), which must name this checkout and cannot sign anyone in; a sign-in link
 * token is refused here. An email client fetches it without cookies, so the token is the only
 * credential; it is never logged. Bad or expired token: 401. A token for another checkout, or a
 * checkout that is not its customer's (or not there): 404, the same as the pages. Too many fetches
 * with one token: 429 with Retry-After. No image in any of these cases.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { id } = await params;
  const token = request.nextUrl.searchParams.get("token");
  const verification = await verifyStatusImageToken(token, { secret: env().linkSecret });
  if (!verification.ok) {
    return errorJson(401, "invalid_token", "This image link is not valid or has expired.");
  }
  const { userId, checkoutId, expiresAt } = verification.claims;
  if (checkoutId !== id) {
    // Answered exactly as a missing checkout is, by the one mapping of errors to answers.
    return jsonResponseForError(new CheckoutNotFoundError());
  }
  const width = statusImageWidthFrom(request.nextUrl.searchParams.get("w"));
  if (width === null) return errorJson(400, "invalid_width", "w must be 600 or 1200.");

  // Keyed by a hash: the token is a credential and has no business sitting in a shared store.
  const tokenKey = createHash("sha256").update(String(token)).digest("base64url");
  const decision = await limiter.consume(`status-image:${tokenKey}`, RATE.limit, RATE.windowSeconds);
  if (!decision.allowed) {
    return errorJson(
      429,
      "rate_limited",
      "This image was fetched too often. Try again later.",
      decision.retryAfterSeconds,
    );
  }

  let view: CheckoutView;
  try {
    // The pages' read and view model, so the image says what the page says (same fallbacks). Read
    // every time: the customer's access and the status are checked afresh, only rendering is cached.
    view = await loadCheckoutView(userId, id);
  } catch (error) {
    return jsonResponseForError(error);
  }
  const key = statusImageCacheKey({ userId, checkoutId: id, view, width });
  let image = cache.get(key);
  if (!image) {
    image = await renderStatusImage(view, width);
    cache.set(key, image, expiresAt);
  }
  return new Response(image.png, {
    headers: {
      "Content-Type": "image/png",
      // Short and private: the status moves, and it is one customer's.
      "Cache-Control": "private, max-age=60",
    },
  });
}
