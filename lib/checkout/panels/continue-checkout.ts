import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutFacts } from "../facts";
import { isSafeExternalUrl } from "../safe-url";
import type { ContinueCheckoutView } from "../types";
import { actionLabel, word } from "../words";

export type CheckoutLinkOptions = {
  /** Only against a local sandbox: lets `http://localhost…` checkout links through. */
  allowHttpCheckoutUrl: boolean;
};

/** The checkout's own link, when it is unfinished and the link is safe to follow; else null. */
export function checkoutLinkFor(facts: CheckoutFacts, options: CheckoutLinkOptions): string | null {
  if (facts.stage !== "unfinished") return null;
  return isSafeExternalUrl(facts.record.checkoutUrl, { allowHttp: options.allowHttpCheckoutUrl });
}

/** Offered only while the checkout is unfinished; an unsafe link is replaced by a way to reach support. */
export function continueCheckoutFor(
  facts: CheckoutFacts,
  options: CheckoutLinkOptions & { supportEmail: string; t: Translator },
): ContinueCheckoutView | null {
  if (facts.stage !== "unfinished") return null;
  const href = checkoutLinkFor(facts, options);
  if (href !== null) return { kind: "link", href, label: actionLabel(options.t, "continueCheckout") };
  return {
    kind: "contactSupport",
    message: word(options.t, "checkout.support.unsafeCheckoutLink"),
    supportEmail: options.supportEmail,
  };
}
