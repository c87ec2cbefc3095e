import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { axeViolations } from "./support/axe";
import { panelHeadings } from "./support/pages";
import { sandboxControl } from "./support/sandbox";

/**
 * A moving checkout keeps itself current without a reload: about every 30 s SWR asks
 * /api/checkouts/<id>/fingerprint (304 while unchanged) and the page re-renders on the server
 * (router.refresh) only when the fingerprint changed; a failed refresh keeps the last good data and says so quietly; a finished checkout does not
 * poll; and without JavaScript every page still shows everything. The page's clock is Playwright's,
 * so "30 seconds later" takes no real time.
 */

const REFRESH_WAIT_MS = 31_000;

test.beforeEach(async ({ context }) => {
  await signInContext(context, DEMO_CUSTOMERS.alex.id);
});

test.afterEach(async ({ request }) => {
  // These tests move checkouts on and break the API: put the sandbox back as it was.
  await sandboxControl(request).reset();
});

/** Requests the page makes to the live JSON route, in order. */
function liveRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/checkouts/")) seen.push(request.url());
  });
  return seen;
}

/**
 * Resolves once every request the page started before this call has been reported: the browser
 * reports requests in order, so a request made now comes after any made by timers that just fired.
 */
async function settleRequests(page: Page): Promise<void> {
  await page.evaluate(() => fetch("/api/health").then((response) => response.status));
}

const header = (page: Page) => page.locator("main article > header");

/**
 * The page says it updates itself only once its refreshing runs (after hydration): moving the clock
 * on before that would move it past a timer not yet set.
 */
async function untilRefreshing(page: Page): Promise<void> {
  await expect(page.getByText("This page updates itself.")).toBeVisible();
}

test("a change in the API appears without a reload", async ({ page, request }) => {
  await page.clock.install();
  await page.goto(`/checkouts/${SCENARIOS.orderConfirmed}`);
  await expect(header(page).getByText("Order confirmed", { exact: true })).toBeVisible();
  await untilRefreshing(page);
  // router.refresh() updates the history entry (a same-document navigation), so count documents.
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });

  await sandboxControl(request).advance(SCENARIOS.orderConfirmed);
  await page.clock.fastForward(REFRESH_WAIT_MS);

  await expect(header(page).getByText("On its way", { exact: true })).toBeVisible();
  expect(await panelHeadings(page)).toContain("Shipping");
  await expect(page.locator('#progress li[aria-current="step"]')).toContainText("Shipped");
  expect(documents, "no reload").toEqual([]);
});

test("an unchanged checkout answers 304 and is not re-rendered; a change re-renders it once", async ({
  page,
  request,
}) => {
  const fingerprintAnswers: number[] = [];
  const serverRenders: string[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.endsWith("/fingerprint")) fingerprintAnswers.push(response.status());
  });
  page.on("request", (request) => {
    const headers = request.headers();
    // router.refresh() asks for the page's RSC payload; prefetches of links say so and are not re-renders.
    if (headers.rsc === "1" && !headers["next-router-prefetch"]) serverRenders.push(request.url());
  });
  await page.clock.install();
  await page.goto(`/checkouts/${SCENARIOS.orderConfirmed}`);
  await untilRefreshing(page);

  await page.clock.fastForward(REFRESH_WAIT_MS);
  await expect.poll(() => fingerprintAnswers.length).toBeGreaterThan(0);
  await settleRequests(page);
  expect(new Set(fingerprintAnswers), "unchanged: 304 only").toEqual(new Set([304]));
  expect(serverRenders, "unchanged: no re-render").toEqual([]);

  await sandboxControl(request).advance(SCENARIOS.orderConfirmed);
  await page.clock.fastForward(REFRESH_WAIT_MS);
  await expect(header(page).getByText("On its way", { exact: true })).toBeVisible();
  expect(fingerprintAnswers).toContain(200);
  expect(serverRenders).toHaveLength(1);
});

test("the fingerprint answers only the checkout's owner, like the live JSON", async ({ page, browser }) => {
  const own = await page.request.get(`/api/checkouts/${SCENARIOS.shippedUps}/fingerprint`);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toBe("private, no-cache");
  expect(own.headers().etag).toBe(`"${(await own.json()).fingerprint}"`);

  const someoneElses = await page.request.get(`/api/checkouts/${SCENARIOS.blairLeaseActive}/fingerprint`);
  const someoneElsesJson = await page.request.get(`/api/checkouts/${SCENARIOS.blairLeaseActive}`);
  expect(someoneElses.status()).toBe(404);
  expect(await someoneElses.json()).toEqual(await someoneElsesJson.json());

  const signedOut = await browser.newContext();
  try {
    const answer = await signedOut.request.get(`/api/checkouts/${SCENARIOS.shippedUps}/fingerprint`);
    const json = await signedOut.request.get(`/api/checkouts/${SCENARIOS.shippedUps}`);
    expect(answer.status()).toBe(json.status());
    expect(answer.status()).toBeGreaterThanOrEqual(400);
    expect(await answer.text()).not.toContain("fingerprint");
  } finally {
    await signedOut.close();
  }
});

test("a failed refresh keeps the last good data with a quiet note, and recovers by itself", async ({
  page,
  request,
}) => {
  const sandbox = sandboxControl(request);
  await page.clock.install();
  await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
  await untilRefreshing(page);
  const note = page.getByRole("status").filter({ hasText: /refresh|updates itself/ });

  await sandbox.addFault({ status: 503, path: "/v1/" });
  await page.clock.fastForward(REFRESH_WAIT_MS);
  await expect(note).toContainText("Couldn’t refresh");
  // Everything shown before is still there.
  await expect(header(page).getByText("On its way", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Track package on UPS" })).toBeVisible();
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  expect(await axeViolations(page), "the stale state is as accessible as the fresh one").toEqual([]);

  await sandbox.clearFaults();
  await sandbox.advance(SCENARIOS.shippedUps);
  // The poller asks again after the failed poll's back-off, then every 30 s. Which of those first
  // sees the change depends on when the retry fell due: "by itself" means within a poll or two,
  // with no reload, so the clock moves on a poll at a time until the new state shows.
  await expect(async () => {
    await page.clock.fastForward(REFRESH_WAIT_MS);
    await expect(header(page).getByText("Delivered", { exact: true })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(note).toHaveText("This page updates itself.");
});

test("polls when the server says: stretched while it holds polls back, back to 30 s after", async ({
  page,
}) => {
  // The server's answers are stood in for (the route's own unit test covers what it says when): this is
  // about the poller in a real browser following Retry-After, on Playwright's clock.
  let polls = 0;
  let retryAfter = "120";
  await page.route("**/api/checkouts/*/fingerprint", (route) => {
    polls++;
    return route.fulfill({
      status: 304,
      headers: { "Retry-After": retryAfter, "Cache-Control": "private, no-cache" },
    });
  });
  await page.clock.install();
  await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
  await untilRefreshing(page);

  // The poller sets its next timer once the answer is read: the clock moves on only after that (the
  // route's handler counting the request is not enough; on a loaded machine the jump came first).
  const answered = () =>
    page.waitForResponse("**/api/checkouts/*/fingerprint").then(() => settleRequests(page));
  let answer = answered();
  await page.clock.fastForward(REFRESH_WAIT_MS);
  await answer;
  expect(polls).toBe(1);
  // "Unchanged, ask again in 2 minutes": neither the interval nor coming back to the tab asks sooner.
  retryAfter = "30";
  await page.clock.fastForward(61_000);
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  // SWR keeps a finished request 2 s for deduplication; run those seconds in order (a jump could fire
  // the poll before that clean-up, and SWR would then reuse the answer instead of asking).
  await page.clock.runFor(3_000);
  await settleRequests(page);
  expect(polls).toBe(1);
  answer = answered();
  await page.clock.fastForward(57_000);
  await answer;
  expect(polls).toBe(2);
  // The next answer said 30 s again.
  await page.clock.fastForward(REFRESH_WAIT_MS);
  await expect.poll(() => polls).toBe(3);
  await expect(page.getByText("This page updates itself.")).toBeVisible();
});

test("a finished checkout does not poll; a moving one does", async ({ page }) => {
  const requests = liveRequests(page);
  await page.clock.install();

  await page.goto(`/checkouts/${SCENARIOS.leaseActive}`);
  // Hydrated (the copy button only exists once JavaScript runs), and still not refreshing.
  await expect(page.getByRole("button", { name: "Copy tracking number" })).toBeVisible();
  await expect(page.getByText("This page updates itself.")).toHaveCount(0);
  await page.clock.fastForward(3 * REFRESH_WAIT_MS);
  await settleRequests(page);
  expect(requests).toEqual([]);

  // The same clock and the same wait do make a moving checkout refresh: the check above can fail.
  await page.goto(`/checkouts/${SCENARIOS.shippedFedex}`);
  await untilRefreshing(page);
  await page.clock.fastForward(REFRESH_WAIT_MS);
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  expect(requests[0]).toContain(`/api/checkouts/${SCENARIOS.shippedFedex}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list and the detail pages still show everything", async ({ page }) => {
    await page.goto("/checkouts");
    await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
    await expect(page.locator("main li > article")).toHaveCount(17);
    await expect(page.getByRole("link", { name: "Continue checkout" }).first()).toBeVisible();
    await page.getByRole("link", { name: "Order confirmed" }).click();
    await expect(page).toHaveURL(/filter=confirmed/);

    await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
    expect(await panelHeadings(page)).toEqual([
      "Progress",
      "Shipping",
      "Payments",
      "Insurance",
      "Your order",
    ]);
    await expect(page.locator("#shipping").getByText("1Z999AA10123456784")).toBeVisible();
    await expect(page.getByRole("link", { name: "Track package on UPS" })).toBeVisible();
    // Copying and refreshing need JavaScript: without it the number is plain, selectable text, and
    // the page does not claim to update itself.
    await expect(page.getByRole("button", { name: "Copy tracking number" })).toHaveCount(0);
    await expect(page.getByText("This page updates itself.")).toHaveCount(0);
    // "Show all steps" opens without JavaScript too.
    await page.locator("#progress summary").click();
    await expect(page.locator("#progress time").first()).toBeVisible();

    await page.goto(`/checkouts/${SCENARIOS.unfinished}`);
    await expect(page.getByRole("link", { name: "Continue checkout" })).toBeVisible();

    await page.goto(`/checkouts/${SCENARIOS.paymentFailed}`);
    await expect(page.locator("#payments").getByText("Your card was declined.")).toBeVisible();
  });
});
