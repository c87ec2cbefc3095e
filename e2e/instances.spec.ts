import { expect, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor, sessionCookieOf } from "./support/auth";
import { EXTRA_PORTS, type RunningServer, startStandalonePortal } from "./support/servers";

/**
 * Two portal instances with the same secrets, as behind a load balancer: sessions are stateless
 * (an encrypted cookie), so one made on the suite's portal reads data on a second instance. The
 * second one is configured with SWEETSPOT_API_URL, as in production, so it also shows that the
 * sandbox sign-in is gone whenever a real API is configured.
 */

let second: RunningServer;

test.beforeAll(async () => {
  second = await startStandalonePortal(EXTRA_PORTS.secondInstance);
});

test.afterAll(async () => {
  await second?.process.stop(10_000);
});

test("a session made on one instance reads a checkout on the other", async ({ page, browser }) => {
  await page.goto(await linkFor({ userId: DEMO_CUSTOMERS.alex.id }));
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  const cookie = await sessionCookieOf(page.context());
  expect(cookie).toBeDefined();
  if (!cookie) return;

  const elsewhere = await browser.newContext();
  try {
    await elsewhere.addCookies([
      { name: cookie.name, value: cookie.value, url: second.url, httpOnly: true, sameSite: "Lax" },
    ]);
    const other = await elsewhere.newPage();
    const response = await other.goto(`${second.url}/checkouts/${SCENARIOS.shippedUps}`);
    expect(response?.status()).toBe(200);
    await expect(other.getByRole("heading", { level: 2, name: "Shipping" })).toBeVisible();
    await expect(other.getByRole("link", { name: /Track (package )?on UPS/ })).toBeVisible();
  } finally {
    await elsewhere.close();
  }
});

test("without a session the other instance sends the visitor to sign in", async ({ browser }) => {
  const stranger = await browser.newContext();
  try {
    const page = await stranger.newPage();
    await page.goto(`${second.url}/checkouts/${SCENARIOS.shippedUps}`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  } finally {
    await stranger.close();
  }
});

test("with SWEETSPOT_API_URL set there is no sandbox sign-in", async ({ page, request }) => {
  const response = await page.goto(`${second.url}/signin`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to see your orders" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sandbox demo customers" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Sign in as/ })).toHaveCount(0);

  const signIn = await request.post(`${second.url}/signin/sandbox`, {
    form: { userId: DEMO_CUSTOMERS.alex.id, callbackUrl: "/checkouts" },
    headers: { Origin: second.url },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(404);
  expect(signIn.headers()["set-cookie"]).toBeUndefined();
});
