import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkoutFingerprint } from "@/lib/checkout/fingerprint";
import { toCheckoutView } from "@/lib/checkout/view-model";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { checkoutRecord } from "@/test-support/test-records";

/*
 * The live page polls the fingerprint route and re-renders when the fingerprint changes. The view holds
 * words, so both routes must build it in the language the page was rendered in (getLocale: the same
 * cookie, link claim and Accept-Language), or a Spanish page would see a "change" on every poll.
 */

const requestLocale = vi.hoisted(() => ({ current: "en" as Locale }));

vi.mock("@/lib/request/locale", () => ({ getLocale: async () => requestLocale.current }));
vi.mock("@/lib/auth/customer-session", () => ({ customerForRoute: async () => ({ userId: "usr_alex" }) }));
/** The view the page renders for chk_1 in a language (the loader's own mapping, minus the API). */
function viewIn(locale: Locale) {
  return toCheckoutView(checkoutRecord({ id: "chk_1", lifecycle: "shipped" }), null, {
    now: new Date("2026-03-01T00:00:00Z"),
    allowHttpCheckoutUrl: false,
    supportEmail: "help@example.test",
    t: translatorFor(locale),
    locale,
  });
}

vi.mock("@/lib/checkout/load", () => ({
  loadCheckoutView: async (_userId: string, _checkoutId: string, locale: Locale) => viewIn(locale),
}));

const { GET: getView } = await import("./route");
const { GET: getFingerprint } = await import("./fingerprint/route");

const context = { params: Promise.resolve({ id: "chk_1" }) };
const request = () => new Request("http://portal.test/api/checkouts/chk_1");

describe.each(["en", "es"] as const)("the checkout routes for a page in %s", (locale) => {
  beforeEach(() => {
    requestLocale.current = locale;
  });

  it("answer the view in the page's language", async () => {
    const view = await (await getView(request(), context)).json();
    expect(view.status.label).toBe(locale === "es" ? "En camino" : "On its way");
  });

  it("fingerprint the view the page rendered, so the poller sees no change", async () => {
    const { fingerprint } = await (await getFingerprint(request(), context)).json();
    expect(fingerprint).toBe(await checkoutFingerprint(viewIn(locale)));
    // The language is part of what is fingerprinted: the other one's view would read as a change.
    expect(fingerprint).not.toBe(await checkoutFingerprint(viewIn(locale === "es" ? "en" : "es")));
  });
});
