import { expect, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor, sessionCookieOf } from "./support/auth";
import { E2E_PORTAL_URL } from "./support/environment";

// e2e configures the portal with the sandbox's own OpenID Connect issuer (e2e/support/environment.ts).
test("signing in with OpenID Connect opens the account and returns to the deep link", async ({
  page,
  context,
}) => {
  await page.goto(`/checkouts/${SCENARIOS.leaseActive}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByRole("button", { name: "Sign in with your Sweet Spot account" }).click();

  await expect(page.getByRole("heading", { name: "Sandbox identity provider" })).toBeVisible();
  await page.getByRole("link", { name: "Continue as Alex Rivera" }).click();

  await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.leaseActive}$`));
  expect((await sessionCookieOf(context))?.httpOnly).toBe(true);
  // A full sign-in: the list opens too.
  await page.goto("/checkouts");
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
});

test("signing in with OpenID Connect over another customer's link session ends that session", async ({
  page,
  context,
}) => {
  await page.goto(await linkFor({ userId: DEMO_CUSTOMERS.blair.id, checkoutId: SCENARIOS.blairShipped }));
  const blairs = await sessionCookieOf(context);
  expect(blairs).toBeDefined();
  const copy = `${blairs?.name}=${blairs?.value}`;
  expect(await signedInUser(copy)).toBe(DEMO_CUSTOMERS.blair.id);

  // All orders need a full sign-in: Alex signs in on Blair's browser.
  await page.goto("/checkouts");
  await page.getByRole("button", { name: "Sign in with your Sweet Spot account" }).click();
  await page.getByRole("link", { name: "Continue as Alex Rivera" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();

  // A copy of Blair's cookie no longer opens anything.
  expect(await signedInUser(copy)).toBeNull();
});

/** Who the portal says is signed in with this Cookie header, sent outside the browser (null: nobody). */
async function signedInUser(cookie: string): Promise<string | null> {
  const response = await fetch(`${E2E_PORTAL_URL}/api/auth/session`, { headers: { Cookie: cookie } });
  const body = (await response.json()) as { user?: { id: string } };
  return body.user?.id ?? null;
}
