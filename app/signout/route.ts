import { NextResponse } from "next/server";
import { detachSession, getCustomerSession } from "@/lib/auth/customer-session";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { forgetSavedViews } from "@/lib/checkout/page-views";
import { signedOutPath } from "@/lib/urls/portal-urls";

/**
 * Ends the session in this browser and deletes the customer's saved views (last known good). A POST
 * from this origin only, so no other site can sign anyone out.
 */
export async function POST(request: Request) {
  if (!isSameOriginPost(request)) return new Response("Cross-site sign-out refused", { status: 403 });
  const session = await getCustomerSession();
  if (session && !(await forgetSavedViews(session.userId).catch(() => false))) {
    // The store is unreachable: the views expire on their own (24 h). No ids in the log.
    console.warn(JSON.stringify({ event: "sign_out_views_not_forgotten" }));
  }
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
