import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInAs } from "./support/auth";
import { E2E_SANDBOX_URL, E2E_SECRETS } from "./support/environment";

/** Every internal id the sandbox holds for a customer, read straight from the API with the server's key. */
async function internalIdsOf(page: Page, userId: string): Promise<string[]> {
  const response = await page.request.get(`${E2E_SANDBOX_URL}/v1/checkouts?userId=${userId}&limit=100`, {
    headers: { Authorization: `Bearer ${E2E_SECRETS.SWEETSPOT_API_KEY}` },
  });
  const checkouts = (await response.json()) as Record<string, unknown>[];
  const internalFields = [
    "stripeDepositPaymentIntentId",
    "stripeSubscriptionId",
    "depositInvoiceId",
    "leaseDocumentId",
    "recurringPaymentMethodId",
    "offtakePartnerId",
  ];
  const ids = checkouts.flatMap((checkout) =>
    internalFields
      .map((field) => checkout[field])
      .filter((value): value is string => typeof value === "string"),
  );
  const detail = await page.request.get(`${E2E_SANDBOX_URL}/v1/checkouts/${SCENARIOS.leaseActive}`, {
    headers: { Authorization: `Bearer ${E2E_SECRETS.SWEETSPOT_API_KEY}` },
  });
  const { checkoutSessionId } = (await detail.json()) as { checkoutSessionId?: string };
  if (checkoutSessionId) ids.push(checkoutSessionId);
  return [...new Set(ids)];
}

test("no page, script, RSC payload or JSON the browser receives holds a secret or an internal id", async ({
  page,
}) => {
  // It walks every page of a customer with two workers sharing two cores: 30 s was its run time, not a margin.
  test.setTimeout(90_000);
  const forbidden = [...Object.values(E2E_SECRETS), ...(await internalIdsOf(page, DEMO_CUSTOMERS.alex.id))];
  expect(forbidden.length).toBeGreaterThan(10);

  const bodies: { url: string; text: string }[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push({ url: response.url(), text: await response.text() });
    } catch {
      // redirects and aborted requests have no body
    }
  });

  await signInAs(page, DEMO_CUSTOMERS.alex.id);
  await page.goto("/checkouts");
  for (const id of Object.values(SCENARIOS).filter((value) => value.startsWith("chk_alex"))) {
    await page.goto(`/checkouts/${id}`);
    // The RSC payload of a client-side navigation, and the live JSON.
    await page.request.get(`/checkouts/${id}`, { headers: { RSC: "1" } }).then(async (response) => {
      bodies.push({ url: `${id} (rsc)`, text: await response.text() });
    });
    await page.request.get(`/api/checkouts/${id}`).then(async (response) => {
      bodies.push({ url: `${id} (json)`, text: await response.text() });
    });
  }
  await page.waitForLoadState("networkidle");

  expect(bodies.some((body) => body.url.includes("/_next/static/"))).toBe(true);
  // One assertion over all pairs: an expect() per pair costs more than the whole crawl.
  const leaks = bodies.flatMap(({ url, text }) =>
    forbidden
      .filter((secret) => text.includes(secret))
      .map((secret) => `${url} contains ${secret.slice(0, 6)}…`),
  );
  expect(leaks).toEqual([]);
});

test.describe("the data layer guards data even when the proxy is skipped", () => {
  const checkoutPath = `/checkouts/${SCENARIOS.shippedUps}`;

  for (const header of [
    "proxy",
    "middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
  ]) {
    test(`x-middleware-subrequest: ${header} gets no checkout data`, async ({ request }) => {
      for (const path of [
        checkoutPath,
        "/checkouts",
        `/api/checkouts/${SCENARIOS.shippedUps}`,
        `/api/checkouts/${SCENARIOS.shippedUps}/fingerprint`,
      ]) {
        const response = await request.get(path, {
          headers: { "x-middleware-subrequest": header },
          maxRedirects: 0,
        });
        expect([303, 307, 401, 404]).toContain(response.status());
        expect(await response.text()).not.toContain("Track on UPS");
      }
    });
  }

  test("RSC and prefetch variants of a page get no data signed out", async ({ request }) => {
    const variants: { path: string; headers: Record<string, string> }[] = [
      { path: checkoutPath, headers: { RSC: "1" } },
      { path: checkoutPath, headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
      { path: `${checkoutPath}.rsc`, headers: {} },
      { path: `${checkoutPath}?_rsc=abc`, headers: { RSC: "1" } },
      { path: "/checkouts", headers: { RSC: "1" } },
    ];
    for (const { path, headers } of variants) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      const text = await response.text();
      expect(text, path).not.toContain(`${SCENARIOS.shippedUps}","title`);
      expect(text, path).not.toMatch(/1Z[0-9A-Z]{10,}/);
    }
  });
});
