import type { CheckoutSummaryView, CheckoutView } from "@/lib/checkout/types";
import { type CheckoutViewOptions, toCheckoutSummary, toCheckoutView } from "@/lib/checkout/view-model";
import type { DateContext } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { parseCheckoutDetail, parseCheckoutList } from "@/lib/sweetspot/schemas";
import { clockAt } from "@/sandbox/clock";
import { toDetail, toListItem } from "@/sandbox/projection";
import type { CheckoutRecord } from "@/sandbox/types";

/**
 * The sandbox's demo checkouts the way the portal's pages see them, for unit tests that render them:
 * each record goes through the API's projection (what the sandbox answers), our schemas (what the
 * portal accepts) and the view model, at one fixed instant so relative dates ("the hold ends in 36
 * hours") come out the same on every run.
 */

export const DEMO_NOW = new Date("2026-03-10T15:00:00.000Z");
/** The sandbox's clock at DEMO_NOW: hand it to alexCheckouts() and the like. */
export const DEMO_CLOCK = clockAt(DEMO_NOW);
export const DEMO_SUPPORT = {
  email: "help@example.test",
  phone: "+1 555 010 2000",
  url: "https://help.example.test",
};
/** UTC keeps the dates the same wherever the tests run. */
export const DEMO_DATES: Record<Locale, DateContext> = {
  en: { locale: "en-US", timeZone: "UTC" },
  es: { locale: "es-US", timeZone: "UTC" },
};

export type PortalRead = {
  id: string;
  item: NonNullable<ReturnType<typeof parseCheckoutList>["records"][number]>;
  detail: ReturnType<typeof parseCheckoutDetail>;
};

/** The records as the portal reads them: through the API's projection and our own schemas. */
export function readByThePortal(records: readonly CheckoutRecord[]): PortalRead[] {
  return records.map((record) => {
    const item = parseCheckoutList([toListItem(record)]).records[0];
    if (!item) throw new Error(`demo checkout ${record.id} did not parse`);
    return { id: record.id, item, detail: parseCheckoutDetail(toDetail(record)) };
  });
}

/** The view model's options as the sandboxed portal has them (an http checkout link on loopback is fine). */
export function demoViewOptions(locale: Locale): CheckoutViewOptions {
  return {
    now: DEMO_NOW,
    allowHttpCheckoutUrl: true,
    supportEmail: DEMO_SUPPORT.email,
    t: translatorFor(locale),
    locale,
  };
}

/** A checkout's page view, built as the detail page builds it. */
export function demoView({ item, detail }: PortalRead, locale: Locale): CheckoutView {
  return toCheckoutView(item, detail, demoViewOptions(locale));
}

/** A checkout's card on the list, built as the list page builds it. */
export function demoSummary({ item }: PortalRead, locale: Locale): CheckoutSummaryView {
  return toCheckoutSummary(item, demoViewOptions(locale));
}
