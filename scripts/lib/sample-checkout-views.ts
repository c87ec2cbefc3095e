import type { CheckoutView } from "../../lib/checkout/types";
import { toCheckoutView } from "../../lib/checkout/view-model";
import type { Locale } from "../../lib/i18n/locales";
import { translatorFor } from "../../lib/i18n/translator";
import { parseCheckoutList } from "../../lib/sweetspot/schemas";
import { toListItem } from "../../sandbox/projection";
import { SCENARIOS } from "../../sandbox/scenarios";
import { seedCheckouts } from "../../sandbox/seed";

/**
 * View models of seeded sandbox checkouts, built the way the portal builds them (list item → schema →
 * view model), for scripts that render images without a running portal or sandbox.
 */
export function sampleCheckoutView(
  checkoutId: string,
  now = new Date(),
  locale: Locale = "en",
): CheckoutView {
  const record = seedCheckouts(now).find((checkout) => checkout.id === checkoutId);
  if (!record) throw new Error(`No seeded checkout ${checkoutId}`);
  const [parsed] = parseCheckoutList([toListItem(record)]).records;
  if (!parsed) throw new Error(`Seeded checkout ${checkoutId} did not parse`);
  return toCheckoutView(parsed, null, {
    now,
    allowHttpCheckoutUrl: true,
    supportEmail: "support@example.com",
    t: translatorFor(locale),
    locale,
  });
}

/** A typical checkout and the hardest seeded text, by name. */
export const SAMPLE_CHECKOUTS = {
  shipped: SCENARIOS.shippedUps,
  longText: SCENARIOS.hostileLongText,
  rtlEmoji: SCENARIOS.hostileRtlEmoji,
  unknownValues: SCENARIOS.hostileUnknownValues,
} as const;
