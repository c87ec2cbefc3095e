import type { SupportContacts } from "@/lib/checkout/support";
import type { ContinueCheckoutView } from "@/lib/checkout/types";
import { supportContactWords } from "@/lib/checkout/words";
import type { Translator } from "@/lib/i18n/translator";
import { ButtonLink } from "../ui/ButtonLink";
import { Panel } from "../ui/Panel";
import { SupportContact } from "../ui/SupportContact";

type ContinueCheckoutPanelProps = {
  continueCheckout: ContinueCheckoutView;
  support: SupportContacts;
  checkoutId: string;
  t: Translator;
};

/**
 * The unfinished checkout's way forward: a primary button to carry on, or, when the link failed the
 * safety rule, every way to reach support. (The detail page shows the button as its action instead.)
 */
export function ContinueCheckoutPanel({
  continueCheckout,
  support,
  checkoutId,
  t,
}: ContinueCheckoutPanelProps) {
  return (
    <Panel id="continue" title={t("checkout.panel.finishCheckout")} variant="emphasis">
      {continueCheckout.kind === "link" ? (
        <p>
          {/* Leaves the portal for the checkout itself: no referrer, no opener. */}
          <ButtonLink href={continueCheckout.href} rel="noopener noreferrer">
            {continueCheckout.label || t("checkout.action.continueCheckout")}
          </ButtonLink>
        </p>
      ) : (
        <>
          <p dir="auto">{continueCheckout.message}</p>
          <SupportContact
            support={support}
            checkoutId={checkoutId}
            words={supportContactWords(t, checkoutId)}
          />
        </>
      )}
    </Panel>
  );
}
