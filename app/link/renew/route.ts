import { after, type NextRequest } from "next/server";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { env } from "@/lib/env";
import { requestFreshLink } from "@/lib/notify/fresh-link";
import { freshLinkDependencies } from "@/lib/notify/fresh-link-dependencies";
import { crossSitePostResponse, type LinkPageContext, plainPageContext } from "../problem-page";
import { renewalResponse } from "../renewal-response";

/**
 * "Email me a new link", posted from the expired-link page with the expired token in the body (never
 * in a URL). Same-origin checked like every portal form; works without JavaScript. Whatever happens
 * next, the customer gets the same page (see renewalResponse).
 */
export async function POST(request: NextRequest) {
  const context: LinkPageContext = await plainPageContext(request);
  if (!isSameOriginPost(request)) return crossSitePostResponse(context);
  const config = env();
  return renewalResponse(request, context, {
    // After the response: the page must not take longer when a webhook is called (or times out)
    // than when nothing is sent, or its timing would tell what happened.
    requestFreshLink: async (token, clientIp) => {
      after(async () => {
        await requestFreshLink(token, { clientIp }, await freshLinkDependencies());
      });
    },
    trustedProxyCount: config.trustedProxyCount,
    supportEmail: config.supportEmail,
    sandboxOutboxUrl: config.sandboxMode ? `${config.sweetspotApiUrl}/__sandbox/outbox` : null,
  });
}
