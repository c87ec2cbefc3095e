import { isoTimestamp, timeOf } from "@/lib/dates";
import type { CheckoutRecord, Fee } from "@/lib/sweetspot/schemas";
import { hasPaidDeposit } from "./lifecycle";
import { singleLineText } from "./text";
import type { DepositView, PaymentProblemView, PaymentsView } from "./types";
import { paymentProblemWords, recurringPaymentStatusView, UNNAMED_FEE } from "./words";

/** A hold this close to expiry (or past it) is worth a warning: the customer may have to act. */
export const PREAUTH_WARNING_MS = 48 * 60 * 60 * 1000;

const MAX_FEE_NAME_LENGTH = 120;

/** Detail `state` values that mean the deposit has been taken. */
const DEPOSITED_STATES: ReadonlySet<string> = new Set(["deposited", "fulfilled"]);

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
  if (hasPaidDeposit(record) || (state !== null && DEPOSITED_STATES.has(state))) {
    return { kind: "paid", paidAt: isoTimestamp(record.depositTimestamp) };
  }
  // A cancelled checkout's hold is released: nothing left to say about it.
  if (record.lifecycle === "cancelled") return null;
  const held =
    record.depositPreauthExpiresAt !== null || record.depositTimestamp !== null || state === "pendingDeposit";
  if (!held) return null;
  const expiresAt = isoTimestamp(record.depositPreauthExpiresAt);
  const expiresMs = timeOf(expiresAt);
  // Past expiry still counts as "soon": the page keeps warning until someone acts.
  const expiresSoon = expiresMs !== null && expiresMs - now.getTime() <= PREAUTH_WARNING_MS;
  return { kind: "preauthorized", expiresAt, expiresSoon };
}

export function hasPaymentProblem(record: PaymentFacts): boolean {
  return (
    Boolean(record.lastPaymentErrorCode?.trim()) ||
    Boolean(record.lastPaymentError?.trim()) ||
    (record.paymentFailureCount ?? 0) > 0
  );
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
