import { expect, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor, sessionCookieOf, signInAs } from "./support/auth";
import { craftToken, nowSeconds } from "./support/tokens";

const alex = DEMO_CUSTOMERS.alex.id;

test.describe("email links", () => {
  test("a link without a checkout opens the account and leaves the address bar clean", async ({ page }) => {
    await page.goto(await linkFor({ userId: alex }));
    await expect(page).toHaveURL(/\/checkouts$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  });

  test("a link with a checkout opens that checkout", async ({ page }) => {
    const response = await page.goto(await linkFor({ userId: alex, checkoutId: SCENARIOS.shippedUps }));
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.shippedUps}$`));
    expect(page.url()).not.toContain("token=");
    await expect(page.getByRole("heading", { level: 2, name: "Shipping" })).toBeVisible();
  });

  test("the link answer keeps the token out of referrers", async ({ request }) => {
    const response = await request.get(await linkFor({ userId: alex }), { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response.headers().location).toBe("/checkouts");
  });

  test("a mail scanner's HEAD and GET do not spend the link", async ({ page, request }) => {
    const link = await linkFor({ userId: alex, checkoutId: SCENARIOS.delivered });
    expect((await request.head(link)).status()).toBe(204);
    expect((await request.get(link, { maxRedirects: 0 })).status()).toBe(303);
    await page.goto(link);
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.delivered}$`));
  });

  test("a link naming someone else's checkout answers as if it did not exist, confirming nothing", async ({
    page,
  }) => {
    await page.goto(await linkFor({ userId: alex, checkoutId: SCENARIOS.blairShipped }));
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.blairShipped}$`));
    await expect(page.getByRole("heading", { level: 1, name: "We can't find that order" })).toBeVisible();
    await expect(page.getByText(/FedEx|449044/)).toHaveCount(0);
  });

  // Every kind of refused token (wrong audience or secret, alg none, over 30 days, a null checkout, a
  // status-image token, garbage) is told apart in lib/auth/link-token.test.ts, and each refusal's
  // status and page in app/link/problem-page.test.ts: here, each of the three pages, end to end.
  const refused: { name: string; token: () => Promise<string> | string; title: RegExp; status: number }[] = [
    {
      name: "expired",
      token: async () =>
        (
          await linkFor({ userId: alex, ttlSeconds: 3600, now: new Date(Date.now() - 2 * 3600 * 1000) })
        ).split("=")[1] ?? "",
      title: /This link has expired/,
      status: 410,
    },
    {
      name: "not yet valid",
      token: () =>
        craftToken({ sub: alex, aud: "checkout-portal", iat: nowSeconds() + 3600, exp: nowSeconds() + 7200 }),
      title: /not valid yet/,
      status: 401,
    },
    {
      name: "tampered",
      token: () => {
        const good = craftToken({
          sub: alex,
          aud: "checkout-portal",
          iat: nowSeconds(),
          exp: nowSeconds() + 600,
        });
        const [header, , signature] = good.split(".");
        const claims = Buffer.from(
          JSON.stringify({
            sub: DEMO_CUSTOMERS.blair.id,
            aud: "checkout-portal",
            iat: nowSeconds(),
            exp: nowSeconds() + 600,
          }),
        ).toString("base64url");
        return `${header}.${claims}.${signature}`;
      },
      title: /doesn.t work/,
      status: 401,
    },
  ];

  for (const { name, token, title, status } of refused) {
    test(`a ${name} token gets the plain-words page and no session`, async ({ page, context }) => {
      const response = await page.goto(`/link?token=${await token()}`);
      expect(response?.status()).toBe(status);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
      expect(await page.content()).not.toMatch(/at \w+ \(|node_modules|Error:/);
      expect(await sessionCookieOf(context)).toBeUndefined();
    });
  }
});

test.describe("a link for one checkout opens that checkout only", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(await linkFor({ userId: alex, checkoutId: SCENARIOS.shippedUps }));
  });

  test("the list asks for a full sign-in", async ({ page }) => {
    await page.goto("/checkouts");
    await expect(page).toHaveURL(/\/signin\?/);
  });

  test("another checkout of the same customer asks for a full sign-in, page and JSON", async ({ page }) => {
    await page.goto(`/checkouts/${SCENARIOS.delivered}`);
    await expect(page).toHaveURL(/\/signin\?/);
    const json = await page.request.get(`/api/checkouts/${SCENARIOS.delivered}`);
    expect(json.status()).toBe(401);
    const own = await page.request.get(`/api/checkouts/${SCENARIOS.shippedUps}`);
    expect(own.status()).toBe(200);
  });
});

test.describe("sign-in page", () => {
  test("a signed-out deep link comes back to exactly that page after sign-in", async ({ page }) => {
    await page.goto(`/checkouts/${SCENARIOS.leaseActive}`);
    await expect(page).toHaveURL(
      new RegExp(`/signin\\?callbackUrl=%2Fcheckouts%2F${SCENARIOS.leaseActive}$`),
    );
    await page.getByRole("button", { name: `Sign in as ${DEMO_CUSTOMERS.alex.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.leaseActive}$`));
  });

  // Every spelling of another origin, script URL and path trick is in lib/auth/return-path.test.ts;
  // here, the sign-in journey with one of each kind.
  const attacks = ["//evil.example", "javascript:alert(1)"];
  for (const attack of attacks) {
    test(`a return target of ${JSON.stringify(attack)} lands on /checkouts`, async ({ page }) => {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(attack)}`);
      await page.getByRole("button", { name: `Sign in as ${DEMO_CUSTOMERS.alex.name}` }).click();
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/checkouts$/);
    });
  }

  test("the sandbox's demo customers are offered in sandbox mode", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sandbox demo customers" })).toBeVisible();
    for (const customer of Object.values(DEMO_CUSTOMERS)) {
      await expect(page.getByRole("button", { name: `Sign in as ${customer.name}` })).toBeVisible();
    }
  });

  test("sign-in and sign-out posts from another site are refused", async ({ request }) => {
    const signIn = await request.post("/signin/sandbox", {
      form: { userId: alex, callbackUrl: "/checkouts" },
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(403);
    const signOut = await request.post("/signout", {
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(signOut.status()).toBe(403);
  });
});

test.describe("sessions", () => {
  test("the session cookie is HttpOnly, SameSite=Lax and lives at most 14 days", async ({
    page,
    context,
  }) => {
    await signInAs(page, alex);
    const cookie = await sessionCookieOf(context);
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.expires ?? 0).toBeLessThanOrEqual(nowSeconds() + 14 * 24 * 60 * 60 + 5);
  });

  test("signing out ends access in this browser, pages and JSON", async ({ page }) => {
    await signInAs(page, alex);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
    await expect(page.getByText("You’re signed out.")).toBeVisible();
    await page.goto("/checkouts");
    await expect(page).toHaveURL(/\/signin\?/);
    expect((await page.request.get(`/api/checkouts/${SCENARIOS.shippedUps}`)).status()).toBe(401);
  });
});
