import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, MANY_CHECKOUT_COUNT, manyCheckoutId, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { type ApiCheckout, apiCheckoutsOf, expectNoRawApiValues } from "./support/pages";
import { sandboxControl } from "./support/sandbox";

/**
 * The list of a customer's checkouts: paged (newest first) and filtered through the URL, grouped on
 * each page by what needs the customer (newest first within a group), each entry with what was
 * ordered, where it stands and the one thing to do; one upstream call per view.
 */

const PAGE_SIZE = 20;

/** The checkout ids the list shows (folded ones too), in page order, read from the entries' title links. */
async function listedIds(page: Page): Promise<string[]> {
  return (await groupedIds(page)).flat();
}

/** The ids of each group on the page (needs attention, in progress, done), in order. */
async function groupedIds(page: Page): Promise<string[][]> {
  const groups: string[][] = [];
  for (const group of await page.locator("main section[aria-labelledby^='group-']").all()) {
    const hrefs = await group
      .locator("ul > li article h3 a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    groups.push(hrefs.map((href) => decodeURIComponent(href.replace(/^\/checkouts\//, ""))));
  }
  return groups;
}

/** Exactly `expected` is listed, and each group keeps its order (the API's, newest first). */
async function expectListed(page: Page, expected: string[], message?: string): Promise<void> {
  const groups = await groupedIds(page);
  expect(groups.flat().toSorted(), message).toEqual(expected.toSorted());
  for (const group of groups) expect(group, message).toEqual(expected.filter((id) => group.includes(id)));
}

function newestFirst(checkouts: ApiCheckout[]): string[] {
  const time = (checkout: ApiCheckout) =>
    checkout.createdAt === null ? Number.NEGATIVE_INFINITY : Date.parse(checkout.createdAt);
  return [...checkouts].sort((a, b) => time(b) - time(a)).map((checkout) => checkout.id);
}

test.describe("paging through many checkouts (Morgan Lee, 65)", () => {
  // No page renders twice to learn the zone any more (app/LocalTimes.tsx); UTC keeps this test zone-free.
  test.use({ timezoneId: "UTC" });

  test.beforeEach(async ({ context }) => {
    await signInContext(context, DEMO_CUSTOMERS.many.id);
  });

  test("four pages of 20, newest first, with next and previous links that survive a reload", async ({
    page,
  }) => {
    const pages = Math.ceil(MANY_CHECKOUT_COUNT / PAGE_SIZE);
    expect(pages).toBe(4);
    await page.goto("/checkouts");
    for (let number = 1; number <= pages; number++) {
      await expect(page).toHaveURL(number === 1 ? /\/checkouts$/ : new RegExp(`\\?page=${number}$`));
      const expected = Array.from(
        { length: Math.min(PAGE_SIZE, MANY_CHECKOUT_COUNT - (number - 1) * PAGE_SIZE) },
        (_, index) => manyCheckoutId((number - 1) * PAGE_SIZE + index),
      );
      await expectListed(page, expected);
      const pagination = page.getByRole("navigation", { name: "Pagination" });
      await expect(pagination.getByText(`Page ${number}`)).toBeVisible();
      await expect(pagination.getByRole("link", { name: "Previous" })).toHaveCount(number > 1 ? 1 : 0);
      await expect(pagination.getByRole("link", { name: "Next" })).toHaveCount(number < pages ? 1 : 0);
      if (number < pages) await pagination.getByRole("link", { name: "Next" }).click();
    }
    expect(await listedIds(page)).toHaveLength(5);

    await page.reload();
    await expectListed(
      page,
      [61, 62, 63, 64, 65].map((n) => manyCheckoutId(n - 1)),
    );
    await page
      .getByRole("navigation", { name: "Pagination" })
      .getByRole("link", { name: "Previous" })
      .click();
    await expect(page).toHaveURL(/\?page=3$/);
    expect(await listedIds(page)).toContain(manyCheckoutId(40));
    await expectNoRawApiValues(page);
  });

  test("a page past the end says so, with a way back; malformed page numbers mean the first page", async ({
    page,
    context,
  }) => {
    // What parsePageNumber refuses (lib/paging.test.ts has the whole table) reaches it through the real
    // route: repeated and encoded parameters included, each a 200 with the first page, never an error.
    for (const value of ["abc", "-1", "1.5", "0", "1e3", "99999999", "%00", "2&page=3"]) {
      const malformed = await context.request.get(`/checkouts?page=${value}`);
      expect(malformed.status(), `?page=${value} answers 200`).toBe(200);
      const html = await malformed.text();
      expect(html, `?page=${value} lists the first page`).toContain(`href="/checkouts/${manyCheckoutId(0)}"`);
      expect(html, `?page=${value} links the second page`).toContain('href="/checkouts?page=2"');
    }

    const response = await page.goto("/checkouts?page=99");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Nothing on this page" })).toBeVisible();
    expect(await listedIds(page)).toEqual([]);
    // "Previous" would only lead to another empty page.
    await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
    await page.getByRole("link", { name: "Go to the first page" }).click();
    await expect(page).toHaveURL(/\/checkouts$/);
    expect((await listedIds(page))[0]).toBe(manyCheckoutId(0));
  });

  test("the list view costs one upstream call, asking for one more than it shows", async ({
    page,
    request,
  }) => {
    const sandbox = sandboxControl(request);
    await sandbox.clearRequests();
    await page.goto("/checkouts?page=2");
    await expect(page.getByRole("navigation", { name: "Pagination" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const calls = (await sandbox.requests()).filter((call) => call.path.startsWith("/v1/"));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query).toMatchObject({
      userId: DEMO_CUSTOMERS.many.id,
      offset: String(PAGE_SIZE),
      limit: String(PAGE_SIZE + 1),
      sortOrder: "desc",
    });
  });
});

test.describe("filters (Alex Rivera: one checkout per situation)", () => {
  // What each filter means to a customer, written out here rather than imported from the app.
  const FILTERS: { label: string; param: string | null; lifecycles: string[] | null }[] = [
    { label: "All", param: null, lifecycles: null },
    // Only the lifecycles the API documents are sent upstream, one per filter (docs/api-assumptions.md).
    { label: "Checkout not finished", param: "unfinished", lifecycles: ["created"] },
    { label: "Order confirmed", param: "confirmed", lifecycles: ["orderConfirmed"] },
    { label: "Lease active", param: "leaseActive", lifecycles: ["leaseActive"] },
  ];

  test.beforeEach(async ({ context }) => {
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
  });

  test("each filter shows exactly its checkouts, newest first, and marks itself current", async ({
    page,
  }) => {
    const all = await apiCheckoutsOf(page, DEMO_CUSTOMERS.alex.id);
    await page.goto("/checkouts");
    for (const filter of FILTERS) {
      const nav = page.getByRole("navigation", { name: "Filter checkouts" });
      await nav.getByRole("link", { name: filter.label, exact: true }).click();
      await expect(page).toHaveURL(filter.param ? new RegExp(`\\?filter=${filter.param}$`) : /\/checkouts$/);
      await expect(nav.getByRole("link", { name: filter.label, exact: true })).toHaveAttribute(
        "aria-current",
        "page",
      );
      const expected = newestFirst(
        all.filter((checkout) => filter.lifecycles?.includes(checkout.lifecycle ?? "") ?? true),
      );
      expect(expected.length, `${filter.label} has checkouts in the seed`).toBeGreaterThan(0);
      await expectListed(page, expected, filter.label);
      // What each entry shows is checked in components/list/demo-list.test.tsx; here the whole page of
      // all of Alex's checkouts, layout and all, in words.
      if (filter.param === null) await expectNoRawApiValues(page);
    }
  });
});

test("checkouts with an unknown or missing lifecycle are listed under All only", async ({
  page,
  context,
}) => {
  await signInContext(context, DEMO_CUSTOMERS.hostile.id);
  const unknown = [SCENARIOS.hostileNullLifecycle, SCENARIOS.hostileUnknownValues];
  await page.goto("/checkouts");
  const everything = await listedIds(page);
  expect(everything).toEqual(expect.arrayContaining(unknown));
  // No created date: shown, but after everything in its group that has one.
  const itsGroup = (await groupedIds(page)).find((group) => group.includes(SCENARIOS.hostileNullCreatedAt));
  expect(itsGroup?.at(-1)).toBe(SCENARIOS.hostileNullCreatedAt);
  for (const filter of ["unfinished", "confirmed", "leaseActive"]) {
    await page.goto(`/checkouts?filter=${filter}`);
    const shown = await listedIds(page);
    for (const id of unknown) expect(shown, filter).not.toContain(id);
  }
  await page.goto("/checkouts?filter=nonsense");
  expect(await listedIds(page)).toEqual(everything);
});

test("a customer with no checkouts is told what to expect", async ({ page, context }) => {
  await signInContext(context, DEMO_CUSTOMERS.empty.id);
  const response = await page.goto("/checkouts");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "No orders yet" })).toBeVisible();
  await expect(page.getByText("your orders appear here")).toBeVisible();
  // What to do when an order is missing.
  await expect(page.locator("main").getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
  // Nothing to filter or page through.
  await expect(page.getByRole("navigation", { name: "Filter checkouts" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
});

test("a filter with nothing in it says so and leads back to all orders", async ({ page, context }) => {
  // Blair Chen has an unfinished, a shipped and a leased checkout: none merely confirmed.
  await signInContext(context, DEMO_CUSTOMERS.blair.id);
  await page.goto("/checkouts?filter=confirmed");
  await expect(page.getByRole("heading", { name: "No orders under “Order confirmed”" })).toBeVisible();
  await page.getByRole("link", { name: "See all orders" }).click();
  await expect(page).toHaveURL(/\/checkouts$/);
  expect(await listedIds(page)).toHaveLength(3);
});
