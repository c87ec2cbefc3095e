import type { NextRequest } from "next/server";
import { verifyLinkToken } from "@/lib/auth/link-token";
import { loadCheckoutView } from "@/lib/checkout/load";
import type { CheckoutView } from "@/lib/checkout/types";
import { env } from "@/lib/env";
import { errorJson, jsonResponseForError } from "@/lib/http/json-errors";
import { renderStatusImage } from "@/lib/images/render";
import { statusImageWidthFrom } from "@/lib/images/status-image-layout";
import { CheckoutNotFoundError } from "@/lib/sweetspot/errors";

// Fonts are read from disk and the PNG is rendered with Node APIs.
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/**
 * A checkout's progress as a PNG, for notification emails: `?token=` is the same signed link token as
 * /link, and must name this checkout. An email client fetches it without cookies, so the token is the
 * only credential; it is never logged. Bad or expired token: 401. A token for another checkout, or a
 * checkout that is not its customer's (or not there): 404, the same as the pages. No image either way.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { id } = await params;
  const verification = await verifyLinkToken(request.nextUrl.searchParams.get("token"), {
    secret: env().linkSecret,
  });
  if (!verification.ok) {
    return errorJson(401, "invalid_token", "This image link is not valid or has expired.");
  }
  if (verification.claims.checkoutId !== id) {
    // Answered exactly as a missing checkout is, by the one mapping of errors to answers.
    return jsonResponseForError(new CheckoutNotFoundError());
  }
  const width = statusImageWidthFrom(request.nextUrl.searchParams.get("w"));
  if (width === null) return errorJson(400, "invalid_width", "w must be 600 or 1200.");

  let view: CheckoutView;
  try {
    // The pages' read and view model, so the image says what the page says (same fallbacks).
    view = await loadCheckoutView(verification.claims.userId, id);
  } catch (error) {
    return jsonResponseForError(error);
  }
  const image = await renderStatusImage(view, width);
  return new Response(image.png, {
    headers: {
      "Content-Type": "image/png",
      // Short and private: the status moves, and it is one customer's.
      "Cache-Control": "private, max-age=60",
    },
  });
}
