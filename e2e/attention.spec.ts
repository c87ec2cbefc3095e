import { expect, type Page, test } from "@playwright/test";
import type { Locale } from "../lib/i18n/locales";
import type { Messages } from "../lib/i18n/messages";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext, signInWithoutSavedViews } from "./support/auth";
import {
  containing,
  escapeRegExp,
  expectPageLanguage,
  LANGUAGES,
  startingWith,
  TROUBLE,
  type Words,
  wordsIn,
} from "./support/languages";
import { overflowsHorizontally } from "./support/pages";
import { sandboxControl } from "./support/sandbox";

/**
 * Attention first: on the first phone screen, every customer sees where their order stands (the
 * headline, in its true tone), what it means, the one thing to do and the fact that matters now.
 * A problem is never dressed in good news. In every language the portal speaks: the words come from
 * its messages (plus a few hand-written ones), and a longer language must fit the same screen.
 */

// Its tests share nothing but their world (each worker has its own): they may run on either worker,
// so the longest file does not hold one worker while the other has run out of files.
test.describe.configure({ mode: "parallel" });

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;

type Tone = "danger" | "warning" | "info" | "success" | "neutral";

type SituationKey = keyof Messages["checkout"]["situation"];
type ActionKind = keyof Messages["checkout"]["action"];

/** One sandbox situation, in terms of the messages that should say it (so it runs in every language). */
type Situation = {
  scenario: keyof typeof SCENARIOS;
  userId: string;
  /** The situation whose headline shows (lib/checkout/situation.ts decides; this says what it should be). */
  situation: SituationKey;
  tone: Tone;
  /** The one action, or null when the situation has none. */
  action: ActionKind | null;
  /** The key fact's words, in the language `w` speaks. */
  keyFact: (w: Words) => RegExp;
};

type Expected = {
  scenario: keyof typeof SCENARIOS;
  userId: string;
  headline: string;
  tone: Tone;
  /** The one action's accessible name, or null when the situation has none. */
  action: RegExp | null;
  keyFact: RegExp;
};

const alex = DEMO_CUSTOMERS.alex.id;
const blair = DEMO_CUSTOMERS.blair.id;

const EVERY_SITUATION: Situation[] = [
  {
    scenario: "unfinished",
    userId: alex,
    situation: "continueCheckout",
    tone: "warning",
    action: "continueCheckout",
    keyFact: (w) => containing(w("checkout.milestone.checkoutStarted")),
  },
  {
    scenario: "depositPending",
    userId: alex,
    situation: "depositHoldExpiring",
    tone: "warning",
    action: "continueCheckout",
    keyFact: (w) => containing(w("checkout.keyFact.holdEnds")),
  },
  {
    scenario: "waitlistedInventory",
    userId: alex,
    situation: "waitlistedForStock",
    tone: "info",
    action: null,
    keyFact: (w) => containing(w("checkout.milestone.waitlisted")),
  },
  {
    scenario: "waitlistedLocation",
    userId: alex,
    situation: "waitlistedForLocation",
    tone: "info",
    action: null,
    keyFact: (w) => containing(w("checkout.location.serviceAreaExpansionPending")),
  },
  {
    scenario: "orderConfirmed",
    userId: alex,
    situation: "preparing",
    tone: "info",
    action: null,
    keyFact: (w) => startingWith(w("checkout.keyFact.since")),
  },
  {
    scenario: "shippedUps",
    userId: alex,
    situation: "shipped",
    tone: "info",
    action: "trackPackage",
    keyFact: () => /UPS · 1Z999AA10123456784/,
  },
  {
    scenario: "shippedFedex",
    userId: alex,
    situation: "outForDelivery",
    tone: "info",
    action: "trackPackage",
    keyFact: () => /FedEx · 449044304137821/,
  },
  {
    scenario: "shippedUsps",
    userId: alex,
    situation: "shipped",
    tone: "info",
    action: "trackPackage",
    keyFact: () => /USPS · 9400111899223197428490/,
  },
  {
    scenario: "shippedDhl",
    userId: alex,
    situation: "carrierException",
    tone: "danger",
    action: "trackPackage",
    keyFact: () => /DHL · 3318810025/,
  },
  {
    scenario: "readyForPickup",
    userId: alex,
    situation: "readyForPickup",
    tone: "info",
    action: null,
    keyFact: (w) => startingWith(w("checkout.keyFact.readySince"), w("checkout.keyFact.since")),
  },
  {
    scenario: "delivered",
    userId: alex,
    situation: "delivered",
    tone: "success",
    action: null,
    keyFact: (w) => startingWith(w("checkout.keyFact.delivered")),
  },
  {
    scenario: "paymentFailed",
    userId: alex,
    situation: "paymentFailed",
    tone: "danger",
    action: "fixPayment",
    keyFact: (w) =>
      new RegExp(
        `^${escapeRegExp(
          w("checkout.keyFact.failures", {
            message: w("checkout.paymentProblem.cardDeclined.message"),
            count: 3,
          }),
        )}$`,
      ),
  },
  {
    scenario: "leaseActive",
    userId: alex,
    situation: "leaseActive",
    tone: "success",
    action: null,
    keyFact: (w) => containing(w("checkout.keyFact.leaseEnds")),
  },
  {
    scenario: "returnInitiated",
    userId: alex,
    situation: "returnStarted",
    tone: "info",
    action: "seeReturn",
    keyFact: (w) => containing(w("checkout.keyFact.returnStarted")),
  },
  {
    scenario: "returnCancelled",
    userId: alex,
    situation: "leaseActive",
    tone: "success",
    action: null,
    keyFact: (w) => containing(w("checkout.keyFact.leaseEnds")),
  },
  {
    scenario: "returnCompleted",
    userId: alex,
    situation: "returned",
    tone: "neutral",
    action: null,
    keyFact: (w) => containing(w("checkout.keyFact.returnCompleted")),
  },
  {
    scenario: "cancelled",
    userId: alex,
    situation: "cancelled",
    tone: "neutral",
    action: null,
    keyFact: (w) => startingWith(w("checkout.keyFact.since"), w("checkout.keyFact.updated")),
  },
  {
    scenario: "blairUnfinished",
    userId: blair,
    situation: "continueCheckout",
    tone: "warning",
    action: "continueCheckout",
    keyFact: (w) => containing(w("checkout.milestone.checkoutStarted")),
  },
  {
    scenario: "blairShipped",
    userId: blair,
    situation: "shipped",
    tone: "info",
    action: "trackPackage",
    keyFact: () => /·/,
  },
  {
    scenario: "blairLeaseActive",
    userId: blair,
    situation: "leaseActive",
    tone: "success",
    action: null,
    keyFact: (w) => containing(w("checkout.keyFact.leaseEnds")),
  },
];

/**
 * Hand-written words for a few situations, checked on screen besides the catalogue's: reading every
 * expectation from the messages would only echo them, and miss a situation mapped to the wrong
 * message or a message left untranslated.
 */
const LITERALS: Readonly<
  Record<
    Locale,
    Partial<Record<keyof typeof SCENARIOS, { headline: string; action?: string; keyFact?: string }>>
  >
> = {
  en: {
    paymentFailed: {
      headline: "Payment failed",
      action: "Fix payment",
      keyFact: "Your card was declined. Failed 3 times.",
    },
    depositPending: { headline: "Deposit hold expiring", action: "Continue checkout" },
    shippedFedex: { headline: "Out for delivery" },
    shippedDhl: { headline: "Delivery problem" },
    returnInitiated: { headline: "Return in progress", action: "See return" },
  },
  es: {
    paymentFailed: {
      headline: "Pago no procesado",
      action: "Resolver el pago",
      keyFact: "Su tarjeta fue rechazada. El cobro falló 3 veces.",
    },
    depositPending: { headline: "Retención por vencer", action: "Continuar con el pedido" },
    shippedFedex: { headline: "En ruta de entrega" },
    shippedDhl: { headline: "Problema de entrega" },
    returnInitiated: { headline: "Devolución en curso", action: "Ver devolución" },
  },
};

function expectedIn(locale: Locale): Expected[] {
  const w = wordsIn(locale);
  return EVERY_SITUATION.map((situation) => ({
    scenario: situation.scenario,
    userId: situation.userId,
    headline: w(`checkout.situation.${situation.situation}.label`),
    tone: situation.tone,
    action: situation.action === null ? null : containing(w(`checkout.action.${situation.action}`)),
    keyFact: situation.keyFact(w),
  }));
}

const situationBlock = (page: Page) => page.locator("main article > header");

function expectNoTroubleUnderGoodNews(
  mainText: string,
  locale: Locale,
  headerTone: string | null,
  where: string,
) {
  if (TROUBLE[locale].test(mainText)) {
    expect(["danger", "warning"], `${where}: trouble under a "${headerTone}" headline`).toContain(headerTone);
  }
}

test("the words that mean trouble still match, in every language, the messages that say it", () => {
  for (const { locale } of LANGUAGES) {
    const w = wordsIn(locale);
    for (const trouble of [
      w("checkout.payment.problemTitle"),
      w("checkout.situation.paymentFailed.label"),
      w("checkout.situation.carrierException.label"),
      w("checkout.deposit.holdExpiresSoon"),
      w("checkout.situation.depositHoldExpiring.description"),
      w("checkout.keyFact.holdEnds"),
    ]) {
      expect(trouble, locale).toMatch(TROUBLE[locale]);
    }
    // …and not the good news: a pattern that matched everything would pass every page.
    for (const good of [
      w("checkout.situation.delivered.label"),
      w("checkout.situation.leaseActive.description"),
    ]) {
      expect(good, locale).not.toMatch(TROUBLE[locale]);
    }
  }
});

/** What the first screen shows of a checkout's situation block, read in one pass. */
type FirstScreen = {
  headline: { text: string; tone: string | null; inViewport: boolean } | null;
  meaningInViewport: boolean;
  keyFact: { text: string; inViewport: boolean } | null;
  actionCount: number;
  firstPanelInViewport: boolean;
  /**
   * How many times the headline's words stand alone on the first screen: text nodes (or one
   * element's whole text) that read exactly that, in any case. "Order confirmed" as a badge and again
   * as a step is twice.
   */
  headlineTimes: number;
  mainText: string;
  scrollsSideways: boolean;
};

async function firstScreen(page: Page, headlineWords: string): Promise<FirstScreen> {
  return page.evaluate((wanted) => {
    const inViewport = (element: Element | null) => {
      if (!element) return false;
      const box = element.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < window.innerHeight &&
        box.left < window.innerWidth
      );
    };
    const text = (element: Element) => (element.textContent ?? "").replace(/\s+/g, " ").trim();
    const main = document.querySelector("main");
    const block = document.querySelector("main article > header");
    const headline = block?.querySelector("[data-tone]") ?? null;
    const keyFact = block?.querySelector("[data-key-fact]") ?? null;
    let headlineTimes = 0;
    if (main) {
      const target = wanted.trim().toLowerCase();
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.textContent ?? "").trim().toLowerCase() !== target) continue;
        const parent = node.parentElement;
        if (!parent || parent.closest("[hidden], details:not([open]) > :not(summary)")) continue;
        const box = parent.getBoundingClientRect();
        if (box.height === 0 || box.bottom <= 0 || box.top >= window.innerHeight) continue;
        headlineTimes += 1;
      }
    }
    const root = document.scrollingElement ?? document.documentElement;
    return {
      headline: headline
        ? { text: text(headline), tone: headline.getAttribute("data-tone"), inViewport: inViewport(headline) }
        : null,
      meaningInViewport: inViewport(block?.querySelector("[data-meaning]") ?? null),
      keyFact: keyFact ? { text: text(keyFact), inViewport: inViewport(keyFact) } : null,
      actionCount: block?.querySelectorAll("[data-action]").length ?? 0,
      firstPanelInViewport: inViewport(document.querySelector("main section h2")),
      headlineTimes,
      mainText: main?.innerText ?? "",
      scrollsSideways: root.scrollWidth > root.clientWidth,
    };
  }, headlineWords);
}

/** Every check of one situation on the phone the page is sized to now. */
async function expectFirstScreen(page: Page, locale: Locale, expected: Expected, where: string) {
  const seen = await firstScreen(page, expected.headline);
  expect(seen.headline?.text, where).toBe(expected.headline);
  expect(seen.headline?.tone, where).toBe(expected.tone);
  expect(seen.headline?.inViewport, `${where}: headline on the first screen`).toBe(true);
  // What it means, in one sentence.
  expect(seen.meaningInViewport, `${where}: meaning on the first screen`).toBe(true);
  expect(seen.keyFact?.text, where).toMatch(expected.keyFact);
  expect(seen.keyFact?.inViewport, `${where}: key fact on the first screen`).toBe(true);
  const actions = situationBlock(page).locator("[data-action]");
  if (expected.action === null) {
    expect(seen.actionCount, `${where}: no action`).toBe(0);
  } else {
    await expect(actions.getByRole("link", { name: expected.action }), where).toBeInViewport();
  }
  const literal = LITERALS[locale][expected.scenario];
  if (literal) {
    expect(seen.headline?.text, `${where}: hand-written headline`).toBe(literal.headline);
    if (literal.action) {
      await expect(actions.getByRole("link", { name: literal.action }), where).toBeInViewport();
    }
    if (literal.keyFact) expect(seen.keyFact?.text, where).toBe(literal.keyFact);
  }
  // The panel that matters now starts on the first screen too.
  expect(seen.firstPanelInViewport, `${where}: first panel on the first screen`).toBe(true);
  // Said once: the headline is not repeated above the fold.
  expect(seen.headlineTimes, `${where}: headline once`).toBe(1);
  expectNoTroubleUnderGoodNews(seen.mainText, locale, seen.headline?.tone ?? null, where);
  expect(seen.scrollsSideways, `${where} scrolls sideways`).toBe(false);
}

for (const { locale, browserLocale } of LANGUAGES) {
  test.describe(`first screen on phones (${locale})`, () => {
    test.use({ viewport: PHONES[0], locale: browserLocale });

    // Each page is loaded once and read on every phone, resized in place: the layout is CSS alone.
    test(`every sandbox situation shows its headline, tone, action and key fact without scrolling, at ${PHONES.map((phone) => `${phone.width}×${phone.height}`).join(" and ")}`, async ({
      page,
      context,
    }) => {
      test.setTimeout(90_000);
      let signedInAs = "";
      for (const expected of expectedIn(locale)) {
        if (expected.userId !== signedInAs) {
          await signInContext(context, expected.userId);
          signedInAs = expected.userId;
        }
        await page.setViewportSize(PHONES[0]);
        await page.goto(`/checkouts/${SCENARIOS[expected.scenario]}`);
        await expectPageLanguage(page, locale, `${expected.scenario} (${locale})`);
        for (const phone of PHONES) {
          await page.setViewportSize(phone);
          await expectFirstScreen(
            page,
            locale,
            expected,
            `${expected.scenario} at ${phone.width} px (${locale})`,
          );
        }
      }
    });
  });
}

/** The list's words for each language, with the hand-written ones a wrong mapping would miss. */
const LIST_LITERALS: Readonly<Record<Locale, { attention: string; paymentFailed: string }>> = {
  en: { attention: "Needs your attention", paymentFailed: "Payment failed" },
  es: { attention: "Requieren su atención", paymentFailed: "Pago no procesado" },
};

for (const { locale, browserLocale } of LANGUAGES) {
  test.describe(`the list puts what needs the customer first (${locale})`, () => {
    test.use({ viewport: { width: 360, height: 740 }, locale: browserLocale });

    test("needs attention, then in progress, then done; each card names its order and its tone", async ({
      page,
      context,
    }) => {
      const w = wordsIn(locale);
      await signInContext(context, alex);
      await page.goto("/checkouts");
      await expectPageLanguage(page, locale);
      const groups = page.locator("main section[aria-labelledby] > h2");
      const attentionHeading = w("checkout.list.attention");
      expect(attentionHeading).toBe(LIST_LITERALS[locale].attention);
      await expect(groups.first()).toHaveText(new RegExp(`^${escapeRegExp(attentionHeading)} \\(\\d+\\)$`));
      await expect(groups.first()).toBeInViewport();
      const attention = page.locator("section", {
        has: page.getByRole("heading", { name: attentionHeading }),
      });
      await expect(attention.getByText(LIST_LITERALS[locale].paymentFailed, { exact: true })).toBeVisible();
      for (const situation of [
        "paymentFailed",
        "depositHoldExpiring",
        "carrierException",
        "continueCheckout",
      ] as const) {
        await expect(
          attention.getByText(w(`checkout.situation.${situation}.label`), { exact: true }).first(),
        ).toBeVisible();
      }
      // Nothing that needs the customer hides among the rest.
      for (const card of await page.locator("main article").all()) {
        const tone = await card.locator("[data-tone]").first().getAttribute("data-tone");
        const text = await card.innerText();
        if (TROUBLE[locale].test(text)) expect(["danger", "warning"], text).toContain(tone);
      }
      // Two orders of the same item are told apart by their reference.
      const desks = page.locator("main article", { hasText: "Oak standing desk" });
      await expect(desks).toHaveCount(2);
      const details = await desks.locator("[data-reference]").allInnerTexts();
      expect(new Set(details).size).toBe(2);
      // And so are their headings, for a screen reader's list of headings.
      const headings = await Promise.all(
        (await desks.getByRole("heading").all()).map((heading) => heading.ariaSnapshot()),
      );
      expect(new Set(headings).size, headings.join("\n")).toBe(2);
      // The deposit hold's end is on its card.
      await expect(
        page
          .locator("main article", { hasText: w("checkout.situation.depositHoldExpiring.label") })
          .getByText(containing(w("checkout.keyFact.holdEnds"))),
      ).toBeVisible();
      // Older done orders fold away, and open without JavaScript.
      const older = page.locator("main details");
      const olderSummary = escapeRegExp(w("checkout.list.olderDone", { count: 99 })).replace("99", "\\d+");
      await expect(older.locator("summary")).toHaveText(new RegExp(`^${olderSummary}$`));
      // The filters wrap instead of running off the screen.
      expect(await overflowsHorizontally(page)).toBe(false);
      const chips = await page
        .getByRole("navigation", { name: w("checkout.list.filterNavLabel") })
        .getByRole("link")
        .all();
      expect(chips.length).toBeGreaterThan(1);
      for (const chip of chips) {
        await expect(chip).toBeInViewport({ ratio: 1 });
      }
    });
  });
}

test.describe("error pages offer the way forward", () => {
  test("not found: the site header, sign-in, and every way to reach support", async ({ page }) => {
    await page.goto("/no-such-page");
    await expect(page.getByRole("banner").getByRole("link", { name: "The Sweet Spot" })).toBeVisible();
    await expect(page.locator("main").getByRole("link", { name: "sign in" })).toHaveAttribute(
      "href",
      /^\/signin/,
    );
    await expect(page.locator("main").getByRole("link", { name: /@/ })).toHaveAttribute(
      "href",
      /^mailto:.+\?subject=/,
    );
  });

  test("orders service down: try again, or reach support", async ({ page, context, request }) => {
    // Without saved views: with them, an outage shows the last known good page instead of the error.
    await signInWithoutSavedViews(context, alex);
    await sandboxControl(request).addFault({ status: 503, path: "/v1/" });
    try {
      await page.goto("/checkouts");
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
      await expect(page.getByRole("banner")).toBeVisible();
      await expect(page.locator("main").getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
    } finally {
      await sandboxControl(request).clearFaults();
    }
  });
});
