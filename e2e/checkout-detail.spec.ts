import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { expectNoRawApiValues, panelHeadings } from "./support/pages";
import { sandboxControl } from "./support/sandbox";

/**
 * A checkout's page through the real server and session. What each sandbox situation shows (its
 * headline, panels in order, words, the one action's link, machine-readable dates, no raw API values)
 * is checked for every one of Alex Rivera's checkouts in components/checkout/demo-situations.test.tsx,
 * which renders the sandbox's records through the same pipeline without a browser. Here: two whole
 * journeys through the server and the session, what only a browser shows (the copy button appears
 * once JavaScript runs) and how the page asks the API.
 */

const UPS_TRACKING_NUMBER = "1Z999AA10123456784";
/** Alex's other shipped checkouts, by carrier: each must offer to copy its tracking number too. */
const OTHER_CARRIERS = { FedEx: "shippedFedex", USPS: "shippedUsps", DHL: "shippedDhl" } as const;

/** What every page must hold whatever its situation: dates a machine can read, words instead of API values. */
async function expectReadableDatesAndWords(page: Page): Promise<void> {
  const times = page.locator("main time");
  expect(await times.count()).toBeGreaterThan(0);
  for (const time of await times.all()) {
    expect(await time.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}/);
  }
  await expectNoRawApiValues(page);
}

test.describe("a checkout's page", () => {
  test.beforeEach(async ({ context }) => {
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
  });

  test("the unfinished checkout: its headline, its panels, and one way back into checkout", async ({
    page,
  }) => {
    const response = await page.goto(`/checkouts/${SCENARIOS.unfinished}`);
    expect(response?.status()).toBe(200);
    const header = page.locator("main article > header");
    await expect(header.getByText("Checkout not finished", { exact: true })).toBeVisible();
    expect(await panelHeadings(page)).toEqual(["Progress", "Payments", "Insurance", "Your order"]);
    await expect(page.locator("main").getByText("$49.00").first()).toBeVisible();
    // The one action, above the panels: back to the shop's checkout, without a referrer.
    const resume = page.locator("main").getByRole("link", { name: "Continue checkout" });
    await expect(resume).toHaveCount(1);
    await expect(
      header.locator("[data-action]").getByRole("link", { name: "Continue checkout" }),
    ).toHaveCount(1);
    await expect(resume).toHaveAttribute(
      "href",
      `https://checkout.thesweetspot.example/c/${SCENARIOS.unfinished}`,
    );
    await expect(resume).toHaveAttribute("rel", /noreferrer/);
    await expectReadableDatesAndWords(page);
  });

  test("a shipped checkout: the carrier's page is its one action, and the tracking number copies", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const response = await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
    expect(response?.status()).toBe(200);
    const header = page.locator("main article > header");
    await expect(header.getByText("On its way", { exact: true })).toBeVisible();
    expect(await panelHeadings(page)).toEqual([
      "Progress",
      "Shipping",
      "Payments",
      "Insurance",
      "Your order",
    ]);
    const track = header.locator("[data-action]").getByRole("link", { name: "Track package on UPS" });
    await expect(track).toHaveAttribute("href", `https://www.ups.com/track?tracknum=${UPS_TRACKING_NUMBER}`);
    await expect(track).toHaveAttribute("target", "_blank");
    await expect(track).toHaveAttribute("rel", /noopener/);
    await expect(page.getByRole("link", { name: "Continue checkout" })).toHaveCount(0);
    await expectReadableDatesAndWords(page);

    const copy = page.getByRole("button", { name: "Copy tracking number" });
    await copy.click();
    await expect(page.locator("#shipping").getByRole("status")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(UPS_TRACKING_NUMBER);

    // The server sends the number alone (components/checkout/CheckoutDetail.test.tsx): the button is the
    // browser's, once JavaScript runs. Every carrier's checkout gets one.
    for (const [carrier, scenario] of Object.entries(OTHER_CARRIERS)) {
      await page.goto(`/checkouts/${SCENARIOS[scenario]}`);
      await expect(
        page.locator("main").getByRole("button", { name: "Copy tracking number" }),
        `the ${carrier} checkout (${scenario}) offers to copy its tracking number`,
      ).toBeVisible();
    }
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
