import type { ContinueCheckoutView } from "@/lib/checkout/types";
import { DEPOSIT_WORDS } from "@/lib/checkout/words";
import type { DateContext } from "@/lib/dates";
import { ButtonLink } from "../ui/ButtonLink";
import { Callout } from "../ui/Callout";
import { FormattedDate } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";

export type ContinueCheckoutPanelProps = {
  continueCheckout: ContinueCheckoutView;
  /** When the deposit hold on the customer's card lapses soon: said here, beside the way to act on it. */
  holdExpiresAt?: string | null;
  dates: DateContext;
};

/**
 * The unfinished checkout's way forward, made the most prominent thing on the page: a primary
 * button to carry on, or, when the link failed the safety rule, how to reach support.
 */
export function ContinueCheckoutPanel({
  continueCheckout,
  holdExpiresAt,
  dates,
}: ContinueCheckoutPanelProps) {
  return (
    <Panel id="continue" title="Finish your checkout" variant="emphasis">
      {holdExpiresAt ? (
        <Callout tone="warning" title={DEPOSIT_WORDS.finishBeforeHoldExpires}>
          <p>
            It expires on <FormattedDate value={holdExpiresAt} dates={dates} withTime />.
          </p>
        </Callout>
      ) : null}
      {continueCheckout.kind === "link" ? (
        <>
          <p>Your checkout isn't finished yet. Pick up where you left off.</p>
          <p>
            {/* Leaves the portal for the checkout itself: no referrer, no opener. */}
            <ButtonLink href={continueCheckout.href} rel="noopener noreferrer">
              {continueCheckout.label || "Continue checkout"}
            </ButtonLink>
          </p>
        </>
      ) : (
        <p>
          <span dir="auto">{continueCheckout.message}</span>{" "}
          <a href={`mailto:${continueCheckout.supportEmail}`}>{continueCheckout.supportEmail}</a>
        </p>
      )}
    </Panel>
  );
}
