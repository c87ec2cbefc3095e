import { expect, test } from "@playwright/test";
import { SCENARIOS } from "../sandbox/scenarios";
import { sessionCookieOf } from "./support/auth";

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
