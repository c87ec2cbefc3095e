import { mintLinkToken } from "../../lib/auth/link-token";
import { absoluteUrl, emailLinkPath } from "../../lib/urls/portal-urls";

/**
 * Signs a customer in the way an email does: a link minted with the portal's link secret, followed
 * once. Returns the `Cookie` header value that carries the session.
 */
export async function signInThroughLink(
  portalUrl: string,
  linkSecret: string,
  userId: string,
): Promise<string> {
  const token = await mintLinkToken({ userId, ttlSeconds: 3600, secret: linkSecret });
  const response = await fetch(absoluteUrl(portalUrl, emailLinkPath(token)), { redirect: "manual" });
  await response.body?.cancel();
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((pair) => pair.split("=")[0]?.endsWith("sweetspot.session"));
  if (response.status !== 303 || !session) {
    throw new Error(`signing ${userId} in through a link failed: ${response.status}`);
  }
  return session;
}
