import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInWithoutSavedViews } from "./support/auth";
import { type Fault, sandboxControl } from "./support/sandbox";

/**
 * The API failing in each way the sandbox can fail it: every customer-facing answer is the
 * plain-words error page (pages) or a 503/504 with Retry-After (JSON), nothing of the API's answer
 * or of our stack reaches the browser, and the portal is itself again as soon as the API is.
 *
 * Pages answer 500: in the App Router a page that throws renders its error.tsx with status 500,
 * and nothing lets a page pick another 5xx (README, "Performance and resilience").
 * Live refresh during an outage is covered by e2e/live-status.spec.ts. The customer here has no
 * saved views (a customer who has: e2e/last-known-good.spec.ts).
 */

const CHECKOUT = SCENARIOS.shippedUps;

const FAULTS: { name: string; fault: Fault; jsonStatus: number; upstreamWords: string[] }[] = [
  {
    name: "the API answers 503",
    fault: { status: 503 },
    jsonStatus: 503,
    upstreamWords: ["service_unavailable", "Injected fault"],
  },
  // SWEETSPOT_TIMEOUT_MS is 1500 in e2e: every attempt times out, and the retries too.
  { name: "the API hangs past the timeout", fault: { mode: "hang" }, jsonStatus: 504, upstreamWords: [] },
  {
    name: "the API answers HTML instead of JSON",
    fault: { mode: "garbage" },
    jsonStatus: 503,
    upstreamWords: ["Bad Gateway", "The upstream server returned an invalid response"],
  },
  {
    name: "the API answers JSON of the wrong shape",
    fault: { mode: "wrong-shape" },
    jsonStatus: 503,
    upstreamWords: ["wrong shape on purpose", "chk_wrongshape"],
  },
  {
    name: "the API rate-limits with 429 and Retry-After",
    fault: { status: 429 },
    jsonStatus: 503,
    upstreamWords: ["rate_limited", "Injected fault"],
  },
];

/** What must never reach a browser: pieces of a stack trace, of our source, of the server. */
const STACK_TRACE_SIGNS = [
  /\bat [\w.<>]+ \(/,
  /node_modules/,
  /\.next\/server/,
  /\/work\//,
  /Sweet ?Spot API (unavailable|did not answer|sent)/,
  /Upstream\w*Error/,
  /sk_e2e_api_key/,
];

function expectNothingLeaked(text: string, upstreamWords: readonly string[]) {
  for (const words of upstreamWords) expect(text, `upstream text "${words}"`).not.toContain(words);
  for (const sign of STACK_TRACE_SIGNS) expect(text, `stack trace sign ${sign}`).not.toMatch(sign);
}

async function expectErrorPage(page: Page, path: string, upstreamWords: readonly string[]) {
  const response = await page.goto(path);
  expect(response?.status()).toBeGreaterThanOrEqual(500);
  expect(response?.status()).toBeLessThan(600);
  await expect(
    page.getByRole("heading", { level: 1, name: "We can't show your orders right now" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  expectNothingLeaked((await response?.text()) ?? "", upstreamWords);
  expectNothingLeaked(await page.content(), upstreamWords);
}

test.describe("when the API fails", () => {
  test.beforeEach(async ({ context, request }) => {
    await sandboxControl(request).clearFaults();
    await signInWithoutSavedViews(context, DEMO_CUSTOMERS.alex.id);
  });

  test.afterEach(async ({ request }) => {
    await sandboxControl(request).clearFaults();
  });

  for (const { name, fault, jsonStatus, upstreamWords } of FAULTS) {
    test.describe(name, () => {
      test("the list page shows the error page, then recovers", async ({ page, request }) => {
        await sandboxControl(request).addFault(fault);
        await expectErrorPage(page, "/checkouts", upstreamWords);

        await sandboxControl(request).clearFaults();
        const recovered = await page.goto("/checkouts");
        expect(recovered?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
      });

      test("the checkout page shows the error page, then recovers", async ({ page, request }) => {
        await sandboxControl(request).addFault(fault);
        await expectErrorPage(page, `/checkouts/${CHECKOUT}`, upstreamWords);

        await sandboxControl(request).clearFaults();
        const recovered = await page.goto(`/checkouts/${CHECKOUT}`);
        expect(recovered?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 2, name: "Shipping" })).toBeVisible();
      });

      test(`the live JSON answers ${jsonStatus} with Retry-After, then recovers`, async ({
        page,
        request,
      }) => {
        await sandboxControl(request).addFault(fault);
        const response = await page.request.get(`/api/checkouts/${CHECKOUT}`);
        expect(response.status()).toBe(jsonStatus);
        expect(Number(response.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
        expect(response.headers()["cache-control"]).toContain("no-store");
        const text = await response.text();
        expect(JSON.parse(text)).toEqual({
          error: {
            code: jsonStatus === 504 ? "upstream_timeout" : "upstream_unavailable",
            message: expect.any(String),
          },
        });
        expectNothingLeaked(text, upstreamWords);

        await sandboxControl(request).clearFaults();
        const recovered = await page.request.get(`/api/checkouts/${CHECKOUT}`);
        expect(recovered.status()).toBe(200);
        expect(await recovered.json()).toMatchObject({ id: CHECKOUT });
      });
    });
  }
});

/**
 * A record the portal cannot show safely is not an outage (sweetspot-api.md §2): the API documents' own
 * example bodies (a list item with no id and no customer; a detail with `id: null`), served verbatim.
 */
test.describe("when the API answers with the documents' own example bodies", () => {
  test.beforeEach(async ({ context, request }) => {
    await sandboxControl(request).clearFaults();
    await signInWithoutSavedViews(context, DEMO_CUSTOMERS.alex.id);
    await sandboxControl(request).addFault({ mode: "documented-example" });
  });

  test.afterEach(async ({ request }) => {
    await sandboxControl(request).clearFaults();
  });

  test("the list renders and says plainly that an order could not be shown, with the support contact", async ({
    page,
  }) => {
    const response = await page.goto("/checkouts");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
    await expect(page.getByText("One order could not be shown")).toBeVisible();
    await expect(page.getByRole("link", { name: /@/ }).first()).toHaveAttribute("href", /^mailto:/);
    await expect(page.getByText("No orders yet")).toHaveCount(0);
    expectNothingLeaked(await page.content(), ["checkoutUrl"]);
  });

  test("the checkout page says the order could not be shown, not that it is missing or the API is down", async ({
    page,
  }) => {
    const response = await page.goto(`/checkouts/${CHECKOUT}`);
    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole("heading", { level: 1, name: "This order could not be shown" }),
    ).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
  });
});
