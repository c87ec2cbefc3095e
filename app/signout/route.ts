import { NextResponse } from "next/server";
import { detachSession } from "@/lib/auth/customer-session";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { signedOutPath } from "@/lib/urls/portal-urls";

/** Ends the session in this browser. A POST from this origin only, so no other site can sign anyone out. */
export async function POST(request: Request) {
  if (!isSameOriginPost(request)) return new Response("Cross-site sign-out refused", { status: 403 });
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
