import { isoTimestamp } from "@/lib/dates";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutFacts } from "../facts";
import { singleLineText } from "../text";
import type { DepositView, PaymentProblemView, PaymentsView } from "../types";
import { paymentProblemWords, recurringPaymentStatusView, unnamedFee } from "../words";

const MAX_FEE_NAME_LENGTH = 120;

/** The customer's language: words through `t`, money formatted for `locale`. */
type PaymentWords = { t: Translator; locale: Locale };

/** The payments panel, or null when there is nothing to say about payments. */
export function paymentsViewFor(facts: CheckoutFacts, { t, locale }: PaymentWords): PaymentsView | null {
  const { record } = facts;
  const deposit = depositViewFor(facts);
  const problem = paymentProblemFor(facts, t);
  /*
   * "Automatic payments on" under a failed payment reads as "all is well": while a payment has failed,
   * the problem speaks for the payments and the routine status is left out.
   */
  const recurring =
    record.recurringPaymentStatus === null || problem !== null
      ? null
      : recurringPaymentStatusView(t, record.recurringPaymentStatus);
  const fees = (facts.fees ?? []).map((fee) => ({
    name: singleLineText(fee.name, MAX_FEE_NAME_LENGTH) ?? unnamedFee(t),
    amount: formattedAmount(fee.amountCents, fee.currency, locale),
  }));
  if (deposit === null && recurring === null && problem === null && fees.length === 0) return null;
  return { deposit, recurring, problem, fees };
}

export function depositViewFor({ record, depositPaid, depositHold }: CheckoutFacts): DepositView | null {
  if (depositPaid) return { kind: "paid", paidAt: isoTimestamp(record.depositTimestamp) };
  if (depositHold === null) return null;
  return {
    kind: "preauthorized",
    expiresAt: isoTimestamp(depositHold.expiresAt),
    expiresSoon: depositHold.expiresSoon,
  };
}

/** Words come from the error code only; the API's `lastPaymentError` text is never echoed. */
function paymentProblemFor(
  { record, paymentProblem }: CheckoutFacts,
  t: Translator,
): PaymentProblemView | null {
  if (!paymentProblem) return null;
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
