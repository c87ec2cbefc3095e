import { isoTimestamp } from "@/lib/dates";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutRecord, Fee } from "@/lib/sweetspot/schemas";
import { depositHoldOf, hasPaidDeposit, hasPaymentProblem } from "./situation";
import { singleLineText } from "./text";
import type { DepositView, PaymentProblemView, PaymentsView } from "./types";
import { paymentProblemWords, recurringPaymentStatusView, unnamedFee } from "./words";

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
  /** The customer's language: words through `t`, money formatted for `locale`. */
  t: Translator;
  locale: Locale;
};

/** The payments panel, or null when there is nothing to say about payments. */
export function paymentsViewFor(record: PaymentFacts, extras: PaymentExtras): PaymentsView | null {
  const deposit = depositViewFor(record, extras.state, extras.now);
  const recurring =
    record.recurringPaymentStatus === null
      ? null
      : recurringPaymentStatusView(extras.t, record.recurringPaymentStatus);
  const problem = paymentProblemFor(record, extras.t);
  const fees = (extras.fees ?? []).map((fee) => ({
    name: singleLineText(fee.name, MAX_FEE_NAME_LENGTH) ?? unnamedFee(extras.t),
    amount: formattedAmount(fee.amountCents, fee.currency, extras.locale),
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
function paymentProblemFor(record: PaymentFacts, t: Translator): PaymentProblemView | null {
  if (!hasPaymentProblem(record)) return null;
  const words = paymentProblemWords(t, record.lastPaymentErrorCode);
  return {
    message: words.message,
    advice: words.advice,
    at: isoTimestamp(record.lastPaymentErrorAt),
    failureCount: record.paymentFailureCount,
  };
}

/**
 * Minor units per currency come from Intl (2 for USD, 0 for JPY); an unknown currency reads as USD.
 * Formatted the way the customer's language writes money (en-US, es-US: both "$1,234.50" for dollars).
 */
export function formattedAmount(amountMinor: number, currency: string | null, locale: Locale = "en"): string {
  const format = currencyFormat(currency, INTL_LOCALE[locale]);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/* One formatter per locale and currency for the life of the process: building one costs far more than using it. */
const currencyFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string | null, intlLocale: string): Intl.NumberFormat {
  const code = currency?.trim().toUpperCase() ?? "";
  const known = /^[A-Z]{3}$/.test(code) ? cachedCurrencyFormat(intlLocale, code) : null;
  return known ?? (cachedCurrencyFormat(intlLocale, "USD") as Intl.NumberFormat);
}

function cachedCurrencyFormat(intlLocale: string, code: string): Intl.NumberFormat | null {
  const key = `${intlLocale}:${code}`;
  let format = currencyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(intlLocale, { style: "currency", currency: code });
    } catch {
      // Not a currency Intl knows: the caller falls back to USD.
      return null;
    }
    currencyFormats.set(key, format);
  }
  return format;
}
