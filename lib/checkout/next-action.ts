import type { Translator } from "@/lib/i18n/translator";
import { checkoutPath } from "@/lib/urls/portal-urls";
import type { CheckoutFacts } from "./facts";
import { type CheckoutLinkOptions, checkoutLinkFor } from "./panels/continue-checkout";
import type { NextAction, PaymentsView, ShippingView } from "./types";
import { actionLabel } from "./words";

type ActionPanels = { shipping: ShippingView | null; payments: PaymentsView | null };

/**
 * The situation's one next action, when the record makes it possible: a safe checkout link, a problem to
 * read about, a shipment to track. `base` prefixes in-page anchors ("" on the detail page, the details URL
 * in the list).
 */
export function nextActionFor(
  facts: CheckoutFacts,
  { shipping, payments }: ActionPanels,
  options: CheckoutLinkOptions & { t: Translator },
  base: string,
): NextAction | null {
  const kind = facts.row.nextAction;
  const label = kind === null ? "" : actionLabel(options.t, kind);
  switch (kind) {
    case "continueCheckout": {
      const href = checkoutLinkFor(facts, options);
      return href === null ? null : { kind, label, href };
    }
    case "fixPayment":
      return payments?.problem ? { kind, label, href: `${base}#payments` } : null;
    case "seeReturn":
      return { kind, label, href: `${base}#returns` };
    case "trackPackage": {
      if (shipping?.kind !== "shipment") return null;
      // With no lifecycle to go by, only a package shipped and not yet delivered is worth tracking.
      if (facts.situation === "unknown" && (shipping.shippedAt === null || shipping.deliveredAt !== null))
        return null;
      return { kind, label, href: shipping.trackingUrl ?? `${base}#shipping` };
    }
    case "viewDetails":
      return { kind, label, href: checkoutPath(facts.record.id) };
    case null:
      return null;
  }
}
