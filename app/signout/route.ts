import { NextResponse } from "next/server";
import { detachSession, endCurrentSession } from "@/lib/auth/customer-session";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { readPostedForm } from "@/lib/http/form-body";
import { getTranslator } from "@/lib/request/locale";
import { signedOutPath } from "@/lib/urls/portal-urls";

/**
 * Ends the session: in this browser (the cookie), and on every instance (its `sid` is revoked in the
 * shared store until the session's own end, so a copy of the cookie is refused too), and deletes
 * the customer's saved views. A POST from this origin only, so no other site can sign anyone out.
 */
export async function POST(request: Request) {
  if (!isSameOriginPost(request)) {
    const refused = (await getTranslator())("site.nav.crossSiteSignOut");
    return new Response(refused, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // Nothing is read from the body, but it is refused over a form's size like every portal post.
  if ((await readPostedForm(request)).tooLarge) {
    const tooLarge = (await getTranslator())("site.requestTooLarge");
    return new Response(tooLarge, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // With the store unreachable the cookie is still cleared below, but a copy of it stays valid
  // elsewhere until the session ends (docs/shared-state.md).
  await endCurrentSession();
  const response = new NextResponse(null, {
    status: 303,
    headers: {
      Location: signedOutPath(),
      "Cache-Control": "private, no-store",
      "Clear-Site-Data": '"cache"',
    },
  });
  detachSession(response);
  return response;
}
