import { expect, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext, signInWithoutSavedViews } from "./support/auth";
import { sandboxControl } from "./support/sandbox";

/**
 * Status codes are part of the contract (monitoring, link checkers): a checkout that is not there
 * and one that is someone else's answer the same 404; an upstream outage answers a 5xx page in
 * plain words with a retry, and the JSON route 503/504 with Retry-After.
 */

const UNKNOWN_ID = "chk_doesnotexist00";

test.beforeEach(async ({ context }) => {
  await signInContext(context, DEMO_CUSTOMERS.alex.id);
});

test.afterEach(async ({ request }) => {
  await sandboxControl(request).clearFaults();
});

test.describe("not found", () => {
  test("an unknown checkout and someone else's look exactly the same, with a way back", async ({ page }) => {
    const seen: string[] = [];
    for (const id of [UNKNOWN_ID, SCENARIOS.blairShipped]) {
      const response = await page.goto(`/checkouts/${id}`);
      expect(response?.status(), id).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "We can't find that order" })).toBeVisible();
      await expect(page.getByRole("link", { name: "See your orders" })).toHaveAttribute("href", "/checkouts");
      seen.push(await page.locator("main").innerText());
    }
    expect(seen[1]).toBe(seen[0]);
    // Nothing of Blair's order shows through.
    expect(seen.join("\n")).not.toMatch(/FedEx|449044/);

    await page.getByRole("link", { name: "See your orders" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  });

  // No page: the context's request carries the sign-in.
  test("the JSON route answers both with the same 404 body", async ({ context }) => {
    const unknown = await context.request.get(`/api/checkouts/${UNKNOWN_ID}`);
    const others = await context.request.get(`/api/checkouts/${SCENARIOS.blairShipped}`);
    expect(unknown.status()).toBe(404);
    expect(others.status()).toBe(404);
    expect(await others.text()).toBe(await unknown.text());
    expect(others.headers()["cache-control"]).toContain("no-store");
  });

  test("malformed ids are a 404 for the page and the JSON, never a 500", async ({ page }) => {
    const malformed = [
      "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      `chk_${"a".repeat(196)}`,
      "..%2F..%2Fapi%2Fhealth",
      "chk_alex%00",
      "%E2%80%AEchk_alexshippedups",
    ];
    for (const id of malformed) {
      expect((await page.request.get(`/checkouts/${id}`)).status(), id).toBe(404);
      expect((await page.request.get(`/api/checkouts/${id}`)).status(), id).toBe(404);
    }
    await page.goto(`/checkouts/${malformed[0]}`);
    await expect(page.getByRole("heading", { level: 1, name: "We can't find that order" })).toBeVisible();
  });
});

test.describe("not found, without JavaScript", () => {
  // Customers open order links from email on phones, some with JavaScript blocked.
  test.use({ javaScriptEnabled: false });

  test("an unknown checkout and someone else's still answer 404, with nothing of either order in the HTML", async ({
    page,
  }) => {
    for (const id of [UNKNOWN_ID, SCENARIOS.blairShipped]) {
      const response = await page.goto(`/checkouts/${id}`);
      expect(response?.status(), id).toBe(404);
      // The HTML carries the page's server-component payload too: Blair's order must not be in it.
      expect(await response?.text(), id).not.toMatch(/FedEx|449044/);
    }
  });

  test("an unknown checkout shows the not-found page with the way back and the support contact", async ({
    page,
  }) => {
    // Known limitation, not a flake: Next 16.4 renders a segment's not-found.tsx only in the browser
    // when notFound() is thrown during a dynamic render, the 404's HTML body is empty (see the comment
    // in app/checkouts/[id]/page.tsx). Marked as failing so that the Next upgrade that fixes it shows
    // up here as an unexpected pass: then drop this line and the comment in e2e/language.spec.ts.
    test.fail(true, "Next 16.4 sends notFound() from a dynamic page as an empty HTML shell (next.js#57583)");
    const response = await page.goto(`/checkouts/${UNKNOWN_ID}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We can't find that order" })).toBeVisible({
      timeout: 2_000,
    });
    await expect(page.getByRole("link", { name: "See your orders" })).toHaveAttribute("href", "/checkouts");
    await expect(page.locator("main").getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
  });
});

test.describe("upstream failure", () => {
  // Nothing saved to answer with instead (with a saved view: e2e/last-known-good.spec.ts).
  test.beforeEach(async ({ context }) => {
    await signInWithoutSavedViews(context, DEMO_CUSTOMERS.alex.id);
  });

  test("the page answers 5xx in plain words with a retry that works once the API is back", async ({
    page,
    request,
  }) => {
    await sandboxControl(request).addFault({ status: 503, path: "/v1/" });
    const response = await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
    expect(response?.status()).toBeGreaterThanOrEqual(500);
    expect(response?.status()).toBeLessThan(600);
    await expect(
      page.getByRole("heading", { level: 1, name: "We can't show your orders right now" }),
    ).toBeVisible();
    const retry = page.getByRole("button", { name: "Try again" });
    await expect(retry).toBeVisible();
    // No stack trace, error name or upstream body reaches the customer.
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/Error|stack|at \w+ \(|upstream|503|Sweet Spot API|service_unavailable/i);
    const html = (await response?.text()) ?? "";
    expect(html).not.toMatch(/UpstreamUnavailableError|\.next\/server|node_modules/);

    await sandboxControl(request).clearFaults();
    await retry.click();
    await expect(page.getByRole("heading", { level: 2, name: "Shipping" })).toBeVisible();
  });

  // The headers as the production server sends them; no page needed (the context's request carries
  // the sign-in). Every fault's answer, the 504 for a hung API included, is unit-tested with the real
  // route, client and sandbox in app/api/checkouts/[id]/route.test.ts; the pages under each fault in
  // e2e/resilience.spec.ts.
  test("the JSON route answers 503 with Retry-After and nothing of the upstream's answer", async ({
    context,
    request,
  }) => {
    await sandboxControl(request).addFault({ status: 503, path: "/v1/" });
    const response = await context.request.get(`/api/checkouts/${SCENARIOS.shippedUps}`);
    expect(response.status()).toBe(503);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("upstream_unavailable");
    expect(JSON.stringify(body)).not.toMatch(/Sweet Spot API|v1\/checkouts|Error:/);
  });
});

// Headers only: the context's request carries the sign-in, no page is opened.
test("pages and JSON with customer data are never stored by caches", async ({ context }) => {
  for (const path of [
    "/checkouts",
    `/checkouts/${SCENARIOS.shippedUps}`,
    `/api/checkouts/${SCENARIOS.shippedUps}`,
  ]) {
    const response = await context.request.get(path);
    expect(response.status(), path).toBe(200);
    const cacheControl = response.headers()["cache-control"] ?? "";
    expect(cacheControl, path).toContain("private");
    expect(cacheControl, path).toContain("no-store");
  }
});
