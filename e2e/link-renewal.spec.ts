import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor, sessionCookieOf } from "./support/auth";
import { axeViolations } from "./support/axe";
import { E2E_SANDBOX_URL } from "./support/environment";

/**
 * "Email me a new link": an expired link asks the operator's webhook (in e2e, the sandbox's outbox,
 * where the launcher points it) for a fresh one; the outbox shows it; following it signs in.
 * Each test uses its own customer, so the per-customer hourly limit never gets in the way.
 */

const OUTBOX_URL = `${E2E_SANDBOX_URL}/__sandbox/outbox`;
const CALM_ANSWER = "If this link was ours, a new one is on its way to the email address on your order.";

const expiredLinkFor = (userId: string, checkoutId?: string) =>
  linkFor({ userId, checkoutId, ttlSeconds: 3600, now: new Date(Date.now() - 2 * 3600 * 1000) });

async function requestNewLink(page: Page, link: string): Promise<void> {
  const response = await page.goto(link);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired");
  await page.getByRole("button", { name: "Email me a new link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByText(CALM_ANSWER)).toBeVisible();
}

test("an expired link gets a new one by email, and the new one opens that checkout", async ({
  page,
  context,
}) => {
  const alex = DEMO_CUSTOMERS.alex.id;
  const checkout = SCENARIOS.shippedUps;
  await page.request.delete(OUTBOX_URL);

  await requestNewLink(page, await expiredLinkFor(alex, checkout));
  expect(page.url()).not.toContain("token=");
  expect(await sessionCookieOf(context)).toBeUndefined();

  // The webhook is called after the answer (so its timing tells nothing): wait for the "email".
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`${OUTBOX_URL}?format=json`)).json()) as { emails: unknown[] }).emails
          .length,
    )
    .toBe(1);
  // The sandbox's outbox shows the "email" with its link, as a newcomer would see it.
  await page.goto(OUTBOX_URL);
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox outbox" })).toBeVisible();
  await expect(page.getByText(`${alex}, checkout ${checkout}`)).toBeVisible();
  await page.getByRole("link", { name: "Open the new link" }).first().click();

  await expect(page).toHaveURL(new RegExp(`/checkouts/${checkout}$`));
  await expect(page.getByRole("heading", { level: 2, name: "Shipping" })).toBeVisible();
  expect(await sessionCookieOf(context)).toBeDefined();
});

test("a forged expired link gets no button", async ({ page }) => {
  const link = await linkFor({
    userId: DEMO_CUSTOMERS.many.id,
    ttlSeconds: 3600,
    now: new Date(Date.now() - 2 * 3600 * 1000),
    secret: "someone-elses-link-secret-0123456789abcdef",
  });
  const response = await page.goto(link);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/doesn.t work/);
  await expect(page.getByRole("button", { name: "Email me a new link" })).toHaveCount(0);
});

test("a new-link post from another site is refused and sends nothing", async ({ request }) => {
  await request.delete(OUTBOX_URL);
  const token = (await expiredLinkFor(DEMO_CUSTOMERS.empty.id)).split("token=")[1] ?? "";
  const response = await request.post("/link/renew", {
    form: { token },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const outbox = (await (await request.get(`${OUTBOX_URL}?format=json`)).json()) as { emails: unknown[] };
  expect(outbox.emails).toEqual([]);
});

test("the sign-in page explains the way in and names the support contact", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByText("Open the newest email from us about your order")).toBeVisible();
  await expect(page.getByRole("link", { name: "support@thesweetspot.com" })).toHaveAttribute(
    "href",
    "mailto:support@thesweetspot.com",
  );
});

test("the new pages pass axe in both colour schemes", async ({ page }) => {
  const found: string[] = [];
  const link = await expiredLinkFor(DEMO_CUSTOMERS.blair.id, SCENARIOS.blairShipped);
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Email me a new link" })).toBeVisible();
  found.push(...(await axeViolations(page)));
  await page.getByRole("button", { name: "Email me a new link" }).click();
  await expect(page.getByText(CALM_ANSWER)).toBeVisible();
  found.push(...(await axeViolations(page)));
  await page.goto(OUTBOX_URL);
  found.push(...(await axeViolations(page)));
  await page.goto("/signin");
  found.push(...(await axeViolations(page)));
  expect(found).toEqual([]);
});
