import { isoTimestamp } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutFacts } from "../facts";
import { plainText, singleLineText } from "../text";
import type { ReturnView } from "../types";
import { returnStatusView } from "../words";

const MAX_TEXT_LENGTH = 500;

/** The return panel, while a return is under way, called off or done; else null. */
export function returnViewFor({ record, returnState }: CheckoutFacts, t: Translator): ReturnView | null {
  if (returnState === null) return null;
  return {
    state: returnState,
    status: returnStatusView(t, returnState),
    initiatedAt: isoTimestamp(record.returnInitiatedAt),
    cancelledAt: isoTimestamp(record.returnCancelledAt),
    completedAt: isoTimestamp(record.returnCompletedAt),
    reason: singleLineText(record.returnReason, MAX_TEXT_LENGTH),
    notes: plainText(record.returnNotes, MAX_TEXT_LENGTH),
  };
}
