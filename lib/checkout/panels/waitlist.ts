import type { Translator } from "@/lib/i18n/translator";
import { addressLines } from "../addresses";
import type { CheckoutFacts } from "../facts";
import { singleLineText } from "../text";
import type { WaitlistView } from "../types";
import { locationMessageText, situationStatus } from "../words";

const MAX_TEXT_LENGTH = 500;

/**
 * Shown while the checkout waits (or when its lifecycle is unknown, as a waitlist reason may explain
 * it): a stale waitlist reason on an order that has since shipped would tell the customer something false.
 */
export function waitlistViewFor(facts: CheckoutFacts, t: Translator): WaitlistView | null {
  const { record, stage } = facts;
  const waiting = stage === null || stage === "waiting";
  const locationMessage =
    locationMessageText(t, record.locationMessage) ??
    locationMessageText(t, record.waitlistLocationReasonCode);
  const reasonGiven = singleLineText(record.waitlistReason, MAX_TEXT_LENGTH) !== null;
  if (!waiting || (!reasonGiven && locationMessage === null)) return null;
  return {
    // The reason in the same words as the headline of the waitlist situation it names.
    reason: situationStatus(t, facts.waitlistSituation),
    locationMessage,
    address: addressLines(record.waitlistLocationAddress),
  };
}
