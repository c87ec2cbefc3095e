import { customerForRoute } from "@/lib/auth/customer-session";
import { checkoutFingerprint, fingerprintEtag, matchesIfNoneMatch } from "@/lib/checkout/fingerprint";
import { loadCheckoutView } from "@/lib/checkout/load";
import { jsonResponseForError } from "@/lib/http/json-errors";
import { getLocale } from "@/lib/request/locale";

type Context = { params: Promise<{ id: string }> };

// Private to the customer, and always revalidated: the ETag makes the revalidation cheap (304).
const PRIVATE_NO_CACHE = { "Cache-Control": "private, no-cache" } as const;

/**
 * The fingerprint of one checkout's customer-visible view, for the live page's poller: 304 while it
 * is what the poller already has, else `{ fingerprint }`. Same checks and errors as the view route.
 * Built in the language the page is in (the same cookie, link claim and Accept-Language): a view in
 * another language would differ in every word, and the poller would refresh for nothing.
 */
export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  const session = await customerForRoute({ checkoutId: id });
  if (session instanceof Response) return session;
  let fingerprint: string;
  try {
    fingerprint = await checkoutFingerprint(await loadCheckoutView(session.userId, id, await getLocale()));
  } catch (error) {
    return jsonResponseForError(error);
  }
  const headers = { ...PRIVATE_NO_CACHE, ETag: fingerprintEtag(fingerprint) };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), fingerprint)) {
    return new Response(null, { status: 304, headers });
  }
  return Response.json({ fingerprint }, { headers });
}
