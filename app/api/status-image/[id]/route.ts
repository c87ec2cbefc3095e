import type { NextRequest } from "next/server";
import { verifyStatusImageToken } from "@/lib/auth/link-token";
import { sessionGuard } from "@/lib/auth/portal-session-guard";
import { loadCheckoutView } from "@/lib/checkout/load";
import type { CheckoutView } from "@/lib/checkout/types";
import { env } from "@/lib/env";
import { errorJson, jsonResponseForError } from "@/lib/http/json-errors";
import { chooseLocale } from "@/lib/i18n/negotiate";
import { renderStatusImage } from "@/lib/images/render";
import { StatusImageCache, statusImageCacheKey } from "@/lib/images/status-image-cache";
import { statusImageWidthFrom } from "@/lib/images/status-image-layout";
import { LIMITS, limitRequest, limitVerifiedToken, rateLimitedJson } from "@/lib/security/limits";
import { CheckoutNotFoundError } from "@/lib/sweetspot/errors";

// Fonts are read from disk and the PNG is rendered with Node APIs.
export const runtime = "nodejs";

const cache = new StatusImageCache();

type Context = { params: Promise<{ id: string }> };

/**
 * A checkout's progress as a PNG, for notification emails: `?token=` is a status-image token
 * (docs/link-tokens.md), which must name this checkout and cannot sign anyone in; a sign-in link
 * token is refused here. An email client fetches it without cookies, so the token is the only
 * credential; it is never logged. Bad or expired token: 401. A token for another checkout, or a
 * checkout that is not its customer's (or not there): 404, the same as the pages. Too many fetches
 * with one token or from one address (LIMITS.statusImage, every instance counting together): 429
 * with Retry-After. No image in any of these cases.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { id } = await params;
  const token = request.nextUrl.searchParams.get("token");
  // Counted on every instance (shared store), per address, and per token (named by a keyed digest:
  // it is a credential) once its signature verified: every junk string would otherwise be a counter.
  const byClient = await limitRequest(LIMITS.statusImage, request);
  if (!byClient.allowed) return rateLimitedJson(byClient.retryAfterSeconds);
  const verification = await verifyStatusImageToken(token, { secret: env().linkSecret });
  if (!verification.ok) {
    return errorJson(401, "invalid_token", "This image link is not valid or has expired.");
  }
  const byToken = await limitVerifiedToken(LIMITS.statusImage, token);
  if (!byToken.allowed) return rateLimitedJson(byToken.retryAfterSeconds);
  // A customer revoked with `npm run revoke -- --user` loses their image links too (fail closed).
  if ((await sessionGuard().linkVerdict({ ...verification.claims, tokenId: null })) !== "usable") {
    return errorJson(401, "invalid_token", "This image link is not valid or has expired.");
  }
  const { userId, checkoutId, expiresAt, lang } = verification.claims;
  // Email clients and their image proxies send no cookie and no Accept-Language of the customer's:
  // the token's `lang` (the email's language) is the only word on it, else English.
  const locale = chooseLocale({ fromLink: lang });
  if (checkoutId !== id) {
    // Answered exactly as a missing checkout is, by the one mapping of errors to answers.
    return jsonResponseForError(new CheckoutNotFoundError());
  }
  const width = statusImageWidthFrom(request.nextUrl.searchParams.get("w"));
  if (width === null) return errorJson(400, "invalid_width", "w must be 600 or 1200.");

  let view: CheckoutView;
  try {
    // The pages' read and view model, so the image says what the page says (same fallbacks). Read
    // every time: the customer's access and the status are checked afresh, only rendering is cached.
    // The image's language (the token's `lang` claim, else English): headline and steps come out in it.
    // Read at poll priority: the opens of a notification blast must leave page views their headroom.
    view = await loadCheckoutView(userId, id, locale, { priority: "poll" });
  } catch (error) {
    return jsonResponseForError(error);
  }
  const key = statusImageCacheKey({ userId, checkoutId: id, view, width, locale });
  let image = cache.get(key);
  if (!image) {
    image = await renderStatusImage(view, width, locale);
    cache.set(key, image, expiresAt);
  }
  return new Response(image.png, {
    headers: {
      "Content-Type": "image/png",
      // Short and private: the status moves, and it is one customer's.
      "Cache-Control": "private, max-age=60",
      "Content-Language": locale,
    },
  });
}
