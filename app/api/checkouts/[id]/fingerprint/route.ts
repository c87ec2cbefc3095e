import { customerForRoute } from "@/lib/auth/customer-session";
import { checkoutFingerprint, fingerprintEtag, matchesIfNoneMatch } from "@/lib/checkout/fingerprint";
import { loadCheckoutView } from "@/lib/checkout/load";
import { deferredPollSeconds, POLL_SECONDS } from "@/lib/checkout/poll-timing";
import { jsonResponseForError } from "@/lib/http/json-errors";
import { getLocale } from "@/lib/request/locale";
import { UpstreamHeldBackError, UpstreamRateLimitedError } from "@/lib/sweetspot/errors";

type Context = { params: Promise<{ id: string }> };

// Private to the customer, and always revalidated: the ETag makes the revalidation cheap (304).
const PRIVATE_NO_CACHE = { "Cache-Control": "private, no-cache" } as const;

/**
 * The fingerprint of one checkout's customer-visible view, for the live page's poller: 304 while it
 * is what the poller already has, else `{ fingerprint }`. Same checks and errors as the view route.
 * Built in the language the page is in (the same cookie, link claim and Accept-Language): a view in
 * another language would differ in every word, and the poller would refresh for nothing.
 *
 * Every answer says when to ask next (`Retry-After`, seconds; lib/checkout/poll-timing.ts). A poll
 * comes last in the upstream budget: when the budget holds it back, or the API has rate-limited the
 * key, the answer is "unchanged, ask again later" (304, or 204 to a poller that sent no fingerprint)
 * with a stretched Retry-After, and the API is not asked.
 */
export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  const session = await customerForRoute({ checkoutId: id });
  if (session instanceof Response) return session;
  const ifNoneMatch = request.headers.get("if-none-match");
  let fingerprint: string;
  try {
    const view = await loadCheckoutView(session.userId, id, await getLocale(), { priority: "poll" });
    fingerprint = await checkoutFingerprint(view);
  } catch (error) {
    if (error instanceof UpstreamHeldBackError || error instanceof UpstreamRateLimitedError) {
      const headers = {
        ...PRIVATE_NO_CACHE,
        "Retry-After": String(deferredPollSeconds(error.retryAfterSeconds)),
      };
      return new Response(null, { status: ifNoneMatch ? 304 : 204, headers });
    }
    return jsonResponseForError(error);
  }
  const headers = {
    ...PRIVATE_NO_CACHE,
    ETag: fingerprintEtag(fingerprint),
    "Retry-After": String(POLL_SECONDS),
  };
  if (matchesIfNoneMatch(ifNoneMatch, fingerprint)) {
    return new Response(null, { status: 304, headers });
  }
  return Response.json({ fingerprint }, { headers });
}
