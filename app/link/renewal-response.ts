import { readPostedForm } from "@/lib/http/form-body";
import type { Locale } from "@/lib/i18n/locales";
import type { PlainPageContext } from "@/lib/plain-pages/context";
import { linkRequestedResponse, tooLargeResponse } from "@/lib/plain-pages/link-pages";
import { clientAddress } from "@/lib/security/client-address";

type RenewalResponseDependencies = {
  /** Asks for the new link, in the language the customer reads this page in (the new email's language). */
  requestFreshLink: (token: unknown, request: { clientIp: string; locale: Locale }) => Promise<void>;
  /** The `lang` claim of the posted link when its signature is good (expired or not), else null. */
  signedLinkLang: (token: unknown) => Promise<Locale | null>;
  /** The page's context in this request's language (cookie → `fromLink` → Accept-Language). */
  pageContext: (fromLink: Locale | null) => Promise<PlainPageContext>;
  /** TRUSTED_PROXY_COUNT: which X-Forwarded-For entry is the client (lib/security/client-address.ts). */
  trustedProxyCount: number;
  supportEmail: string;
  sandboxOutboxUrl: string | null;
};

/** The page never depends on the outcome: delivered, refused, limited or failed all read the same. */
export async function renewalResponse(
  request: Request,
  deps: RenewalResponseDependencies,
): Promise<Response> {
  const posted = await readPostedForm(request);
  if (posted.tooLarge) return tooLargeResponse(await deps.pageContext(null));
  // Not a form: treated as a request without a token.
  const token = posted.form?.get("token") ?? null;
  // Decided the same way whatever the token turns out to be, so the answer's language says nothing
  // more than the expired page already did.
  const context = await deps.pageContext(await deps.signedLinkLang(token));
  await deps.requestFreshLink(token, {
    clientIp: clientAddress(request.headers.get("x-forwarded-for"), deps.trustedProxyCount),
    locale: context.locale,
  });
  return linkRequestedResponse(context, deps);
}
