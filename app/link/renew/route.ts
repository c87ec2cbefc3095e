import { after, type NextRequest } from "next/server";
import { expiredLinkClaims } from "@/lib/auth/link-token";
import { isSameOriginPost } from "@/lib/auth/same-origin";
import { env } from "@/lib/env";
import { requestFreshLink } from "@/lib/notify/fresh-link";
import { freshLinkDependencies } from "@/lib/notify/fresh-link-dependencies";
import { plainPageContext } from "@/lib/plain-pages/context";
import { crossSitePostResponse } from "@/lib/plain-pages/link-pages";
import { renewalResponse } from "../renewal-response";

/**
 * "Email me a new link", posted from the expired-link page with the expired token in the body (never
 * in a URL). Same-origin checked like every portal form; works without JavaScript. Whatever happens
 * next, the customer gets the same page (see renewalResponse), in the expired page's language.
 */
export async function POST(request: NextRequest) {
  if (!isSameOriginPost(request)) return crossSitePostResponse(await plainPageContext(request));
  const config = env();
  return renewalResponse(request, {
    // After the response: the page must not take longer when a webhook is called (or times out)
    // than when nothing is sent, or its timing would tell what happened.
    requestFreshLink: async (token, { clientIp, locale }) => {
      after(async () => {
        await requestFreshLink(token, { clientIp, locale }, await freshLinkDependencies());
      });
    },
    signedLinkLang: async (token) =>
      (await expiredLinkClaims(token, { secret: config.linkSecret }))?.lang ?? null,
    pageContext: (fromLink) => plainPageContext(request, fromLink),
    trustedProxyCount: config.trustedProxyCount,
    supportEmail: config.supportEmail,
    sandboxOutboxUrl: config.sandboxMode ? `${config.sweetspotApiUrl}/__sandbox/outbox` : null,
  });
}
