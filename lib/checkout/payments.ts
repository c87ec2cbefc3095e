import { isoTimestamp } from "@/lib/dates";
import type { CheckoutRecord, Fee } from "@/lib/sweetspot/schemas";
import { depositHoldOf, hasPaidDeposit, hasPaymentProblem } from "./situation";
import { singleLineText } from "./text";
import type { DepositView, PaymentProblemView, PaymentsView } from "./types";
import { paymentProblemWords, recurringPaymentStatusView, UNNAMED_FEE } from "./words";

const MAX_FEE_NAME_LENGTH = 120;

type PaymentFacts = Pick<
  CheckoutRecord,
  | "lifecycle"
  | "depositTimestamp"
  | "depositPreauthExpiresAt"
  | "recurringPaymentStatus"
  | "lastPaymentError"
  | "lastPaymentErrorAt"
  | "lastPaymentErrorCode"
  | "paymentFailureCount"
>;

export type PaymentExtras = {
  /** The detail endpoint's `state`, when it was read. */
  state: string | null;
  fees: Fee[] | null;
  now: Date;
};

/** The payments panel, or null when there is nothing to say about payments. */
export function paymentsViewFor(record: PaymentFacts, extras: PaymentExtras): PaymentsView | null {
  const deposit = depositViewFor(record, extras.state, extras.now);
  const recurring =
    record.recurringPaymentStatus === null ? null : recurringPaymentStatusView(record.recurringPaymentStatus);
  const problem = paymentProblemFor(record);
  const fees = (extras.fees ?? []).map((fee) => ({
    name: singleLineText(fee.name, MAX_FEE_NAME_LENGTH) ?? UNNAMED_FEE,
    amount: formattedAmount(fee.amountCents, fee.currency),
  }));
  if (deposit === null && recurring === null && problem === null && fees.length === 0) return null;
  return { deposit, recurring, problem, fees };
}

export function depositViewFor(record: PaymentFacts, state: string | null, now: Date): DepositView | null {
  if (hasPaidDeposit(record, state)) return { kind: "paid", paidAt: isoTimestamp(record.depositTimestamp) };
  const hold = depositHoldOf(record, state, now);
  if (hold === null) return null;
  return { kind: "preauthorized", expiresAt: isoTimestamp(hold.expiresAt), expiresSoon: hold.expiresSoon };
}

/** Words come from the error code only; the API's `lastPaymentError` text is never echoed. */
function paymentProblemFor(record: PaymentFacts): PaymentProblemView | null {
  if (!hasPaymentProblem(record)) return null;
  const words = paymentProblemWords(record.lastPaymentErrorCode);
  return {
    message: words.message,
    advice: words.advice,
    at: isoTimestamp(record.lastPaymentErrorAt),
    failureCount: record.paymentFailureCount,
  };
}

/** Minor units per currency come from Intl (2 for USD, 0 for JPY); an unknown currency reads as USD. */
export function formattedAmount(amountMinor: number, currency: string | null): string {
  const format = currencyFormat(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

function currencyFormat(currency: string | null): Intl.NumberFormat {
  const code = currency?.trim().toUpperCase() ?? "";
  if (/^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    } catch {
      // Not a currency Intl knows: fall through to USD.
    }
  }
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
}
