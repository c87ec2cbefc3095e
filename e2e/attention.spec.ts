import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext, signInWithoutSavedViews } from "./support/auth";
import { overflowsHorizontally } from "./support/pages";
import { sandboxControl } from "./support/sandbox";

/**
 * Attention first: on the first phone screen, every customer sees where their order stands (the
 * headline, in its true tone), what it means, the one thing to do and the fact that matters now.
 * A problem is never dressed in good news.
 */

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;

type Tone = "danger" | "warning" | "info" | "success" | "neutral";

type Expected = {
  scenario: keyof typeof SCENARIOS;
  userId: string;
  headline: string;
  tone: Tone;
  /** The one action's accessible name, or null when the situation has none. */
  action: string | RegExp | null;
  /** The key fact's words. */
  keyFact: RegExp;
};

const alex = DEMO_CUSTOMERS.alex.id;
const blair = DEMO_CUSTOMERS.blair.id;

const EVERY_SITUATION: Expected[] = [
  {
    scenario: "unfinished",
    userId: alex,
    headline: "Checkout not finished",
    tone: "warning",
    action: "Continue checkout",
    keyFact: /Checkout started/,
  },
  {
    scenario: "depositPending",
    userId: alex,
    headline: "Deposit hold expiring",
    tone: "warning",
    action: "Continue checkout",
    keyFact: /Hold on your card ends/,
  },
  {
    scenario: "waitlistedInventory",
    userId: alex,
    headline: "Waiting for stock",
    tone: "info",
    action: null,
    keyFact: /On the waitlist/,
  },
  {
    scenario: "waitlistedLocation",
    userId: alex,
    headline: "Not available in your area yet",
    tone: "info",
    action: null,
    keyFact: /expanding into your area/,
  },
  {
    scenario: "orderConfirmed",
    userId: alex,
    headline: "Order confirmed",
    tone: "info",
    action: null,
    keyFact: /^Since /,
  },
  {
    scenario: "shippedUps",
    userId: alex,
    headline: "On its way",
    tone: "info",
    action: /Track package/,
    keyFact: /UPS · 1Z999AA10123456784/,
  },
  {
    scenario: "shippedFedex",
    userId: alex,
    headline: "Out for delivery",
    tone: "info",
    action: /Track package/,
    keyFact: /FedEx · 449044304137821/,
  },
  {
    scenario: "shippedUsps",
    userId: alex,
    headline: "On its way",
    tone: "info",
    action: /Track package/,
    keyFact: /USPS · 9400111899223197428490/,
  },
  {
    scenario: "shippedDhl",
    userId: alex,
    headline: "Delivery problem",
    tone: "danger",
    action: /Track package/,
    keyFact: /DHL · 3318810025/,
  },
  {
    scenario: "readyForPickup",
    userId: alex,
    headline: "Ready for pickup",
    tone: "info",
    action: null,
    keyFact: /^(Ready since|Since) /,
  },
  {
    scenario: "delivered",
    userId: alex,
    headline: "Delivered",
    tone: "success",
    action: null,
    keyFact: /^Arrived /,
  },
  {
    scenario: "paymentFailed",
    userId: alex,
    headline: "Payment failed",
    tone: "danger",
    action: "Fix payment",
    keyFact: /Your card was declined\. Failed 3 times\./,
  },
  {
    scenario: "leaseActive",
    userId: alex,
    headline: "Lease active",
    tone: "success",
    action: null,
    keyFact: /Lease ends/,
  },
  {
    scenario: "returnInitiated",
    userId: alex,
    headline: "Return in progress",
    tone: "info",
    action: "See return",
    keyFact: /Return started/,
  },
  {
    scenario: "returnCancelled",
    userId: alex,
    headline: "Lease active",
    tone: "success",
    action: null,
    keyFact: /Lease ends/,
  },
  {
    scenario: "returnCompleted",
    userId: alex,
    headline: "Returned",
    tone: "neutral",
    action: null,
    keyFact: /Return completed/,
  },
  {
    scenario: "cancelled",
    userId: alex,
    headline: "Cancelled",
    tone: "neutral",
    action: null,
    keyFact: /^(Since|Last updated) /,
  },
  {
    scenario: "blairUnfinished",
    userId: blair,
    headline: "Checkout not finished",
    tone: "warning",
    action: "Continue checkout",
    keyFact: /Checkout started/,
  },
  {
    scenario: "blairShipped",
    userId: blair,
    headline: "On its way",
    tone: "info",
    action: /Track package/,
    keyFact: /·/,
  },
  {
    scenario: "blairLeaseActive",
    userId: blair,
    headline: "Lease active",
    tone: "success",
    action: null,
    keyFact: /Lease ends/,
  },
];

const situationBlock = (page: Page) => page.locator("main article > header");

/**
 * How many times `words` stand alone on the first screen: text nodes (or one element's whole text)
 * that read exactly that, in any case. "Order confirmed" as a badge and again as a step is twice.
 */
async function timesOnFirstScreen(page: Page, words: string): Promise<number> {
  return page.evaluate((wanted) => {
    const target = wanted.trim().toLowerCase();
    const main = document.querySelector("main");
    if (!main) return 0;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? "").trim().toLowerCase() !== target) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest("[hidden], details:not([open]) > :not(summary)")) continue;
      const box = parent.getBoundingClientRect();
      if (box.height === 0 || box.bottom <= 0 || box.top >= window.innerHeight) continue;
      count += 1;
    }
    return count;
  }, words);
}

/** The words that mean trouble, wherever they appear, with the tone they may sit under. */
const TROUBLE =
  /A payment didn't go through|Payment failed|Delivery problem|expires soon|Hold on your card ends/;

async function expectNoTroubleUnderGoodNews(page: Page, headerTone: string | null, where: string) {
  const text = await page.locator("main").innerText();
  if (TROUBLE.test(text)) {
    expect(["danger", "warning"], `${where}: trouble under a "${headerTone}" headline`).toContain(headerTone);
  }
}

for (const phone of PHONES) {
  test.describe(`first screen at ${phone.width}×${phone.height}`, () => {
    test.use({ viewport: phone });

    test("every sandbox situation shows its headline, tone, action and key fact without scrolling", async ({
      page,
      context,
    }) => {
      test.setTimeout(90_000);
      let signedInAs = "";
      for (const expected of EVERY_SITUATION) {
        if (expected.userId !== signedInAs) {
          await signInContext(context, expected.userId);
          signedInAs = expected.userId;
        }
        const where = `${expected.scenario} at ${phone.width} px`;
        await page.goto(`/checkouts/${SCENARIOS[expected.scenario]}`);
        const block = situationBlock(page);
        const headline = block.locator("[data-tone]").first();
        await expect(headline, where).toHaveText(expected.headline);
        await expect(headline, where).toHaveAttribute("data-tone", expected.tone);
        await expect(headline, where).toBeInViewport();
        // What it means, in one sentence.
        await expect(block.locator("[data-meaning]"), where).toBeInViewport();
        const keyFact = block.locator("[data-key-fact]");
        await expect(keyFact, where).toHaveText(expected.keyFact);
        await expect(keyFact, where).toBeInViewport();
        if (expected.action === null) {
          await expect(block.locator("[data-action]"), where).toHaveCount(0);
        } else {
          const action: Locator = block.locator("[data-action]").getByRole("link", { name: expected.action });
          await expect(action, where).toBeInViewport();
        }
        // The panel that matters now starts on the first screen too.
        await expect(page.locator("main section h2").first(), where).toBeInViewport();
        // Said once: the headline is not repeated above the fold.
        expect(await timesOnFirstScreen(page, expected.headline), `${where}: headline once`).toBe(1);
        await expectNoTroubleUnderGoodNews(page, await headline.getAttribute("data-tone"), where);
        expect(await overflowsHorizontally(page), `${where} scrolls sideways`).toBe(false);
      }
    });
  });
}

test.describe("the list puts what needs the customer first", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("needs attention, then in progress, then done; each card names its order and its tone", async ({
    page,
    context,
  }) => {
    await signInContext(context, alex);
    await page.goto("/checkouts");
    const groups = page.locator("main section[aria-labelledby] > h2");
    await expect(groups.first()).toHaveText(/^Needs your attention \(\d+\)$/);
    await expect(groups.first()).toBeInViewport();
    const attention = page.locator("section", {
      has: page.getByRole("heading", { name: "Needs your attention" }),
    });
    for (const headline of [
      "Payment failed",
      "Deposit hold expiring",
      "Delivery problem",
      "Checkout not finished",
    ]) {
      await expect(attention.getByText(headline, { exact: true }).first()).toBeVisible();
    }
    // Nothing that needs the customer hides among the rest.
    for (const card of await page.locator("main article").all()) {
      const tone = await card.locator("[data-tone]").first().getAttribute("data-tone");
      const text = await card.innerText();
      if (TROUBLE.test(text)) expect(["danger", "warning"], text).toContain(tone);
    }
    // Two orders of the same item are told apart by their reference.
    const desks = page.locator("main article", { hasText: "Oak standing desk" });
    await expect(desks).toHaveCount(2);
    const details = await desks.locator("[data-reference]").allInnerTexts();
    expect(new Set(details).size).toBe(2);
    // The deposit hold's end is on its card.
    await expect(
      page.locator("main article", { hasText: "Deposit hold expiring" }).getByText(/Hold on your card ends/),
    ).toBeVisible();
    // Older done orders fold away, and open without JavaScript.
    const older = page.locator("main details");
    await expect(older.locator("summary")).toHaveText(/older orders/);
    // The filters wrap instead of running off the screen.
    expect(await overflowsHorizontally(page)).toBe(false);
    for (const chip of await page
      .getByRole("navigation", { name: "Filter checkouts" })
      .getByRole("link")
      .all()) {
      await expect(chip).toBeInViewport({ ratio: 1 });
    }
  });
});

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
