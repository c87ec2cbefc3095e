import type { ContinueCheckoutView } from "@/lib/checkout/types";
import { ButtonLink } from "./ButtonLink";
import { Panel } from "./Panel";

export type ContinueCheckoutPanelProps = { continueCheckout: ContinueCheckoutView };

/**
 * The unfinished checkout's way forward, made the most prominent thing on the page: a primary
 * button to carry on, or, when the link failed the safety rule, how to reach support.
 */
export function ContinueCheckoutPanel({ continueCheckout }: ContinueCheckoutPanelProps) {
  return (
    <Panel id="continue" title="Finish your checkout" variant="emphasis">
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
