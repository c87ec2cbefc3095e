import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { expectNoRawApiValues, panelHeadings } from "./support/pages";
import { sandboxControl } from "./support/sandbox";

/**
 * One checkout page per sandbox situation (Alex Rivera has one of each): the panels it shows, the
 * one action it offers and the words that explain it. Panels are named by their h2 headings.
 */

type Action =
  | { kind: "continue"; href: string }
  | { kind: "track"; carrier: string; href: string }
  | { kind: "hint"; label: "Fix payment" | "See return"; href: string }
  | { kind: "none" };

type Situation = {
  scenario: keyof typeof SCENARIOS;
  status: string;
  panels: string[];
  action: Action;
  /** Text the page must show (words, dates' neighbours, amounts). */
  shows?: (string | RegExp)[];
  /** Extra checks for what only this situation has. */
  check?: (page: Page) => Promise<void>;
};

const CHECKOUT_URL = (id: string) => `https://checkout.thesweetspot.example/c/${id}`;
const TRACKING_PAGES: Record<string, (number: string) => string> = {
  UPS: (number) => `https://www.ups.com/track?tracknum=${encodeURIComponent(number)}`,
  FedEx: (number) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(number)}`,
  USPS: (number) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(number)}`,
  DHL: (number) => `https://www.dhl.com/us-en/home/tracking.html?tracking-id=${encodeURIComponent(number)}`,
};

const shipped = (carrier: string, number: string): Action => ({
  kind: "track",
  carrier,
  href: TRACKING_PAGES[carrier]?.(number) ?? "",
});

// Headlines and panel order come from the situation table (lib/checkout/situation.ts): a problem's own
// panel leads (payments, shipping), as does what matters most in that situation (lease, return).
const SITUATIONS: Situation[] = [
  {
    scenario: "unfinished",
    status: "Checkout not finished",
    // The button is the situation's action, above the panels.
    panels: ["Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "continue", href: CHECKOUT_URL(SCENARIOS.unfinished) },
    shows: ["Delivery fee", "$49.00", "Insurance under review", "SHOP-10519"],
    check: async (page) => {
      // No deposit hold, nothing to warn about.
      await expect(page.getByText(/hold on your (card|deposit)/)).toHaveCount(0);
    },
  },
  {
    scenario: "depositPending",
    status: "Deposit hold expiring",
    panels: ["Payments", "Progress", "Insurance", "Your order"],
    action: { kind: "continue", href: CHECKOUT_URL(SCENARIOS.depositPending) },
    shows: ["held on your card but not charged yet"],
    check: async (page) => {
      // The hold lapses in 36 hours: inside the 72-hour warning window. The moment it lapses is the key
      // fact beside the button that resolves it; the payments panel keeps it as one plain line.
      const keyFact = page.locator("main article > header [data-key-fact]");
      await expect(keyFact).toHaveText(/^Hold on your card ends .+/);
      await expect(keyFact.locator("time")).toHaveCount(1);
      await expect(page.locator("#payments").getByText(/The hold ends on .+/)).toBeVisible();
      await expect(page.locator("#payments time")).toHaveCount(1);
      // Said once (the headline's meaning), not as a second warning.
      await expect(page.getByText(/expires soon/)).toHaveCount(1);
    },
  },
  {
    scenario: "waitlistedInventory",
    status: "Waiting for stock",
    panels: ["Waitlist", "Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: ["Waiting for stock", "out of stock right now"],
  },
  {
    scenario: "waitlistedLocation",
    status: "Not available in your area yet",
    panels: ["Waitlist", "Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: [
      "Not available in your area yet",
      // locationMessage "service_area_expansion_pending", in words.
      "We're expanding into your area and will confirm your order as soon as service starts there.",
      "14 Tundra Way",
      "Nome, AK 99762",
    ],
  },
  {
    scenario: "orderConfirmed",
    status: "Order confirmed",
    panels: ["Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: ["White-glove assembly", "$120.00", "SHOP-10433", "Walnut dining chair"],
  },
  {
    scenario: "shippedUps",
    status: "On its way",
    panels: ["Progress", "Shipping", "Payments", "Insurance", "Your order"],
    action: shipped("UPS", "1Z999AA10123456784"),
    shows: ["In transit", "1Z999AA10123456784"],
  },
  {
    scenario: "shippedFedex",
    status: "Out for delivery",
    panels: ["Shipping", "Progress", "Payments", "Insurance", "Your order"],
    action: shipped("FedEx", "449044304137821"),
    shows: ["Out for delivery"],
  },
  {
    scenario: "shippedUsps",
    status: "On its way",
    panels: ["Progress", "Shipping", "Payments", "Insurance", "Your order"],
    action: shipped("USPS", "9400111899223197428490"),
    shows: ["Label created"],
  },
  {
    scenario: "shippedDhl",
    status: "Delivery problem",
    panels: ["Shipping", "Progress", "Payments", "Insurance", "Your order"],
    action: shipped("DHL", "3318810025"),
    shows: ["Delivery problem"],
  },
  {
    scenario: "readyForPickup",
    status: "Ready for pickup",
    panels: ["Pickup", "Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: ["Your order is ready to collect."],
  },
  {
    scenario: "delivered",
    status: "Delivered",
    panels: ["Progress", "Shipping", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: ["Signed for by", "A. Rivera", "SHOP-10120"],
  },
  {
    scenario: "paymentFailed",
    status: "Payment failed",
    panels: ["Payments", "Progress", "Shipping", "Lease & insurance", "Your order"],
    action: { kind: "hint", label: "Fix payment", href: "#payments" },
    shows: ["12 months"],
    check: async (page) => {
      const problem = page.locator("#payments");
      await expect(problem.getByRole("heading", { name: "A payment didn't go through" })).toBeVisible();
      await expect(problem.getByText("Your card was declined.")).toBeVisible();
      await expect(problem.getByText(/Failed 3 times\./)).toBeVisible();
      await expect(problem.getByText(/Last tried .+\./)).toBeVisible();
      await expect(problem.getByText(/Contact your bank to find out why/)).toBeVisible();
      // The API's own operator-facing text is not echoed.
      await expect(page.getByText("Please update your payment method")).toHaveCount(0);
      // "Automatic payments on" under a failed payment would read as all being well.
      await expect(page.getByText("Automatic payments on")).toHaveCount(0);
    },
  },
  {
    scenario: "leaseActive",
    status: "Lease active",
    panels: ["Lease & insurance", "Progress", "Shipping", "Payments", "Your order"],
    action: { kind: "none" },
    shows: ["24 months", "Front desk", "SHOP-09871"],
    check: async (page) => {
      const lease = page.locator("#lease");
      await expect(lease.getByText("Starts")).toBeVisible();
      await expect(lease.getByText("Ends")).toBeVisible();
      await expect(lease.locator("time")).toHaveCount(2);
      await expect(lease.getByText("Insurance approved")).toBeVisible();
    },
  },
  {
    scenario: "returnInitiated",
    status: "Return in progress",
    panels: ["Return", "Progress", "Shipping", "Payments", "Lease & insurance", "Your order"],
    action: { kind: "hint", label: "See return", href: "#returns" },
    shows: ["Too large for the apartment", "the building has a freight elevator"],
    check: async (page) => {
      await expect(page.locator("#returns").getByText("Started", { exact: true })).toBeVisible();
      await expect(page.locator("#returns time")).toHaveCount(1);
    },
  },
  {
    scenario: "returnCancelled",
    status: "Lease active",
    panels: ["Lease & insurance", "Progress", "Shipping", "Return", "Payments", "Your order"],
    action: { kind: "none" },
    shows: ["Return cancelled", "Changed my mind about the colour", "Keeping it after all."],
    check: async (page) => {
      await expect(page.locator("#returns").getByText("Cancelled", { exact: true })).toBeVisible();
      await expect(page.locator("#returns time")).toHaveCount(2);
    },
  },
  {
    scenario: "returnCompleted",
    status: "Returned",
    // The lease and insurance of a returned item no longer apply.
    panels: ["Return", "Progress", "Shipping", "Payments", "Your order"],
    action: { kind: "none" },
    shows: ["Return completed", "Moving abroad", "Automatic payments stopped"],
    check: async (page) => {
      await expect(page.locator("#returns").getByText("Completed", { exact: true })).toBeVisible();
      await expect(page.locator("#returns time")).toHaveCount(2);
      // Nothing of the old lease, insurance or parcel reads as current (the steps keep their history).
      const current = page.locator("main article > header, main section:not(#progress)");
      for (const stale of ["Insurance approved", "Ends", /Track (on|package)/]) {
        await expect(current.getByText(stale, { exact: true })).toHaveCount(0);
      }
      await expect(page.getByRole("link", { name: /Track/ })).toHaveCount(0);
    },
  },
  {
    scenario: "cancelled",
    status: "Cancelled",
    panels: ["Progress", "Payments", "Your order"],
    action: { kind: "none" },
    // The API gives no reason: honest words, and a way to ask.
    shows: ["Ask us if you want to know why"],
    check: async (page) => {
      await expect(page.getByText("Insurance not approved")).toHaveCount(0);
      await expect(page.locator("main article > header").getByRole("link", { name: /@/ })).toHaveAttribute(
        "href",
        new RegExp(`^mailto:.+\\?subject=.*${SCENARIOS.cancelled}`),
      );
    },
  },
];

test.describe("a checkout's page, per situation", () => {
  test.beforeEach(async ({ context }) => {
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
  });

  for (const situation of SITUATIONS) {
    test(`${situation.scenario}: its panels, its one action, in words`, async ({ page }) => {
      const response = await page.goto(`/checkouts/${SCENARIOS[situation.scenario]}`);
      expect(response?.status()).toBe(200);

      const header = page.locator("main article > header");
      await expect(header.getByText(situation.status, { exact: true })).toBeVisible();
      expect(await panelHeadings(page)).toEqual(situation.panels);
      for (const text of situation.shows ?? []) {
        await expect(page.locator("main").getByText(text).first()).toBeVisible();
      }
      await expectTheOneAction(page, situation.action);
      await situation.check?.(page);
      // Every date is machine-readable and shown in words.
      for (const time of await page.locator("main time").all()) {
        expect(await time.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}/);
      }
      await expectNoRawApiValues(page);
    });
  }

  test("the tracking number has a copy button that copies it", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
    const copy = page.getByRole("button", { name: "Copy tracking number" });
    await copy.click();
    await expect(page.locator("#shipping").getByRole("status")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("1Z999AA10123456784");
  });
});

test.describe("upstream calls", () => {
  // No page renders twice to learn the zone any more (app/LocalTimes.tsx); UTC keeps this test zone-free.
  test.use({ timezoneId: "UTC" });
  const LATENCY_MS = 1000;

  test.afterEach(async ({ request }) => {
    await sandboxControl(request).clearFaults();
  });

  /*
   * Parallel, not one after the other: every API answer is held back LATENCY_MS by a sandbox fault,
   * and the sandbox logs each request when it arrives. Had the page waited for the first answer
   * before asking the second question, the two arrivals would be at least LATENCY_MS apart. This
   * compares two logged instants; it does not time the page.
   */
  test("a checkout's page asks the API at most twice, both questions at once", async ({
    page,
    context,
    request,
  }) => {
    const sandbox = sandboxControl(request);
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
    await sandbox.addFault({ latencyMs: LATENCY_MS, path: "/v1/" });
    await sandbox.clearRequests();

    // A finished checkout: no live refresh adds calls of its own.
    const response = await page.goto(`/checkouts/${SCENARIOS.leaseActive}`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState("networkidle");

    const calls = (await sandbox.requests()).filter((call) => call.path.startsWith("/v1/"));
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(2);
    // The ownership-scoped read is always one of them.
    expect(calls.some((call) => call.query.userId === DEMO_CUSTOMERS.alex.id)).toBe(true);
    if (calls.length === 2) {
      const [first, second] = calls.map((call) => Date.parse(call.time));
      expect(Math.abs((second ?? 0) - (first ?? 0))).toBeLessThan(LATENCY_MS);
    }
  });
});

async function expectTheOneAction(page: Page, action: Action): Promise<void> {
  const main = page.locator("main");
  const continueLinks = main.getByRole("link", { name: "Continue checkout" });
  // The one action sits in the situation block above the panels.
  const hint = main.locator("article > header [data-action]");

  if (action.kind === "continue") {
    await expect(continueLinks).toHaveCount(1);
    await expect(continueLinks).toHaveAttribute("href", action.href);
    // Leaves the portal without telling the shop where the customer came from.
    await expect(continueLinks).toHaveAttribute("rel", /noreferrer/);
    // It is the situation's one action, above the panels.
    await expect(hint.getByRole("link", { name: "Continue checkout" })).toHaveCount(1);
    return;
  }
  // Finished, waitlisted, cancelled and returned checkouts are never offered a way back into checkout.
  await expect(continueLinks).toHaveCount(0);
  await expect(main.getByText("Finish your checkout")).toHaveCount(0);

  if (action.kind === "track") {
    const trackingLinks = main.locator(`a[href="${action.href}"]`);
    // One way to the carrier's page: the action above the panels (the panel keeps the number).
    await expect(trackingLinks).toHaveCount(1);
    await expect(main.getByRole("link", { name: `Track package on ${action.carrier}` })).toHaveAttribute(
      "href",
      action.href,
    );
    await expect(hint).toBeVisible();
    for (const link of await trackingLinks.all()) {
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", /noopener/);
    }
    await expect(main.getByRole("button", { name: "Copy tracking number" })).toBeVisible();
    return;
  }
  if (action.kind === "hint") {
    await expect(hint).toBeVisible();
    const link = main.getByRole("link", { name: action.label, exact: true });
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute("href", action.href);
    return;
  }
  await expect(hint).toHaveCount(0);
}
