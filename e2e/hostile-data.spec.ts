import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { E2E_PORTAL_URL } from "./support/environment";
import { expectNoRawApiValues, overflowsHorizontally, watchForTrouble } from "./support/pages";

/**
 * Quinn Hostile's checkouts carry markup in every free-text field, unsafe URLs, 2 KB strings,
 * right-to-left text, nulls and values nobody documented. The pages must render all of it inert,
 * keep their layout on a phone, and fall back to neutral words.
 */

const HOSTILE_IDS = Object.entries(SCENARIOS)
  .filter(([name]) => name.startsWith("hostile"))
  .map(([, id]) => id);

test.use({ viewport: { width: 360, height: 780 } });

test.beforeEach(async ({ context }) => {
  await signInContext(context, DEMO_CUSTOMERS.hostile.id);
});

/** Every link on the page that leaves the portal for anything but https or mail. */
async function unsafeLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.filter((href) => {
    const url = new URL(href);
    if (url.origin === E2E_PORTAL_URL) return false;
    return url.protocol !== "https:" && url.protocol !== "mailto:";
  });
}

test("the list and every hostile checkout render inert, in words, without sideways scrolling", async ({
  page,
}) => {
  const trouble = watchForTrouble(page);
  for (const path of ["/checkouts", ...HOSTILE_IDS.map((id) => `/checkouts/${id}`)]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // Let hydration and the copy buttons settle before judging.
    await page.waitForLoadState("networkidle");
    expect(await unsafeLinks(page), path).toEqual([]);
    // Markup from the API is text: no element it describes exists.
    expect(await page.locator("main img, main script, main iframe, main object").count(), path).toBe(0);
    expect(await overflowsHorizontally(page), `${path} scrolls sideways at 360 px`).toBe(false);
    await expectNoRawApiValues(page);
  }
  expect(trouble.dialogs).toEqual([]);
  expect(trouble.errors).toEqual([]);
});

test("markup shows as text and the carrier link encodes the tracking number", async ({ page }) => {
  await page.goto(`/checkouts/${SCENARIOS.hostileScript}`);
  await expect(
    page.locator("#returns").getByText("<script>alert(1)</script>", { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Track on UPS" })).toHaveAttribute(
    "href",
    `https://www.ups.com/track?tracknum=${encodeURIComponent("<script>alert(1)</script>")}`,
  );
  // A `javascript:` checkout URL on a checkout past checkout: no way back in, no link.
  await expect(page.getByRole("link", { name: "Continue checkout" })).toHaveCount(0);
});

test("an unfinished checkout with an unsafe link sends the customer to support instead", async ({ page }) => {
  await page.goto(`/checkouts/${SCENARIOS.hostileHttpUrl}`);
  const panel = page.locator("#continue");
  await expect(panel.getByText("We can't open this checkout from here.")).toBeVisible();
  await expect(panel.getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
  await expect(page.getByRole("link", { name: "Continue checkout" })).toHaveCount(0);
  await expect(page.locator('a[href*="attacker"]')).toHaveCount(0);

  await page.goto("/checkouts");
  await expect(page.locator('a[href*="attacker"]')).toHaveCount(0);
});

test("unknown lifecycle, insurance, carrier, tracking status and progress shapes get neutral words", async ({
  page,
}) => {
  await page.goto(`/checkouts/${SCENARIOS.hostileUnknownValues}`);
  await expect(page.locator("main article > header").getByText("Status unavailable")).toBeVisible();
  await expect(page.getByText("Insurance status unavailable")).toBeVisible();
  // progress {"steps":5}: the timeline is worked out from the timestamps instead.
  await expect(page.locator("#progress li").first()).toContainText("Checkout started");

  await page.goto(`/checkouts/${SCENARIOS.hostileNullLifecycle}`);
  await expect(page.locator("main article > header").getByText("Status unavailable")).toBeVisible();

  await page.goto(`/checkouts/${SCENARIOS.hostileUnknownCarrier}`);
  const shipping = page.locator("#shipping");
  await expect(shipping.getByText("pigeonpost")).toBeVisible();
  await expect(shipping.getByText("COO-4711")).toBeVisible();
  await expect(shipping.getByText("Tracking update")).toBeVisible();
  // No guessed tracking page for a carrier we do not know.
  await expect(shipping.getByRole("link")).toHaveCount(0);
  // progress "halfway there": derived steps, the shipment current.
  await expect(page.locator('#progress li[aria-current="step"]')).toContainText("Shipped");
});

test("2 KB strings and right-to-left text wrap inside their panels", async ({ page }) => {
  for (const id of [SCENARIOS.hostileLongText, SCENARIOS.hostileRtlEmoji]) {
    await page.goto(`/checkouts/${id}`);
    const viewport = page.viewportSize()?.width ?? 360;
    for (const panel of await page.locator("main section").all()) {
      const box = await panel.boundingBox();
      expect(box, id).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), `${id} panel overflows`).toBeLessThanOrEqual(viewport);
    }
    expect(await overflowsHorizontally(page)).toBe(false);
  }
  // Free text picks its own direction, so Arabic reads right to left inside a left-to-right page.
  await expect(page.locator("main h1")).toHaveAttribute("dir", "auto");
  expect(await page.locator("main h1").evaluate((heading) => getComputedStyle(heading).direction)).toBe(
    "rtl",
  );
});
