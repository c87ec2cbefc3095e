import { type APIRequestContext, type BrowserContext, expect, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor, sessionCookieOf, signInAs } from "./support/auth";
import { axeViolations } from "./support/axe";
import { E2E_PORTAL_URL, E2E_SANDBOX_URL } from "./support/environment";
import { EXTRA_PORTS, type RunningServer, startStandalonePortal } from "./support/servers";
import { nowSeconds } from "./support/tokens";

const alex = DEMO_CUSTOMERS.alex.id;
const blair = DEMO_CUSTOMERS.blair.id;
const DAY = 24 * 60 * 60;

/** Who this browser is signed in as, by the portal's own session answer. */
async function signedInAs(request: APIRequestContext): Promise<string | null> {
  const body = (await (await request.get("/api/auth/session")).json()) as { user?: { id?: string } };
  return body.user?.id ?? null;
}

test.describe("a link for another customer than the one signed in", () => {
  test("asks before switching, in the site's look, accessibly, revealing nothing", async ({ page }) => {
    await signInAs(page, alex);
    const response = await page.goto(await linkFor({ userId: blair, checkoutId: SCENARIOS.blairShipped }));
    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole("heading", { level: 1, name: "This link is for another account" }),
    ).toBeVisible();
    await expect(page.getByText("You're signed in as someone else on this browser.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Switch account" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Stay signed in" })).toBeVisible();
    // Neither account's name nor the link's checkout appears.
    const text = await page.locator("body").innerText();
    for (const secret of [
      alex,
      blair,
      SCENARIOS.blairShipped,
      DEMO_CUSTOMERS.blair.name,
      DEMO_CUSTOMERS.alex.name,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(response?.headers()["cache-control"]).toContain("no-store");
    // The token in the address bar never leaves in a Referer: no referrer, or the origin alone.
    expect(["no-referrer", "strict-origin"]).toContain(response?.headers()["referrer-policy"]);
    expect(await axeViolations(page)).toEqual([]);
    // Nothing changed yet.
    expect(await signedInAs(page.request)).toBe(alex);
  });

  test("Stay keeps the current customer", async ({ page }) => {
    await signInAs(page, alex);
    await page.goto(await linkFor({ userId: blair }));
    await page.getByRole("link", { name: "Stay signed in" }).click();
    await expect(page).toHaveURL(/\/checkouts$/);
    expect(await signedInAs(page.request)).toBe(alex);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("Switch signs the link's customer in and opens the link", async ({ page }) => {
      await signInAs(page, alex);
      await page.goto(await linkFor({ userId: blair, checkoutId: SCENARIOS.blairShipped }));
      await page.getByRole("button", { name: "Switch account" }).click();
      await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.blairShipped}$`));
      expect(await signedInAs(page.request)).toBe(blair);
    });
  });

  test("the same customer goes straight through", async ({ page }) => {
    await signInAs(page, alex);
    await page.goto(await linkFor({ userId: alex, checkoutId: SCENARIOS.shippedUps }));
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.shippedUps}$`));
  });

  test("a hostile page cannot switch: a GET only asks, a cross-site POST is refused", async ({
    page,
    context,
  }) => {
    await signInAs(page, alex);
    const link = await linkFor({ userId: blair });
    expect((await page.request.get(link, { maxRedirects: 0 })).status()).toBe(200);
    const token = new URL(link, E2E_PORTAL_URL).searchParams.get("token") ?? "";
    const post = await page.request.post("/link", {
      form: { token },
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
    expect(await signedInAs(context.request)).toBe(alex);
  });
});

test.describe("sessions", () => {
  test("end 14 days after sign-in at the latest, however long the link", async ({ page, context }) => {
    await page.goto(await linkFor({ userId: alex, ttlSeconds: 30 * DAY }));
    const cookie = await sessionCookieOf(context);
    expect(cookie?.expires ?? 0).toBeGreaterThan(nowSeconds() + 14 * DAY - 120);
    expect(cookie?.expires ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(nowSeconds() + 14 * DAY + 5);
  });

  test("are not extended by asking /api/auth/session", async ({ page, context }) => {
    await signInAs(page, alex);
    const before = await sessionCookieOf(context);
    const response = await page.request.get("/api/auth/session");
    expect(response.headers()["set-cookie"]).toBeUndefined();
    expect(await response.json()).toMatchObject({ user: { id: alex } });
    const after = await sessionCookieOf(context);
    expect(after?.value).toBe(before?.value);
    expect(after?.expires).toBe(before?.expires);
  });
});

async function expectSecurityHeaders(context: BrowserContext, path: string) {
  const response = await context.request.get(path, { maxRedirects: 0 });
  expect(response.headers()["content-security-policy"], path).toContain("default-src 'self'");
  expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
}

test.describe("headers and endpoints", () => {
  test("paths that merely start like an excluded asset get the security headers", async ({ context }) => {
    for (const path of ["/favicon.icox", "/_next/imagefoo", "/_next/staticfoo"]) {
      await expectSecurityHeaders(context, path);
    }
  });

  test("the image optimizer is off", async ({ request }) => {
    const response = await request.get("/_next/image?url=%2Fog-image.png&w=64&q=75");
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"] ?? "").not.toContain("image/");
  });

  test("form posts must come from the portal's own origin: scheme, host and port", async ({ request }) => {
    const portal = new URL(E2E_PORTAL_URL);
    const attempts: Record<string, string>[] = [
      { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
      { Origin: `https://${portal.host}` },
      { Origin: `http://${portal.hostname}:1` },
    ];
    for (const headers of attempts) {
      const response = await request.post("/signout", { headers, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
    }
    const own = await request.post("/signout", { headers: { Origin: portal.origin }, maxRedirects: 0 });
    expect(own.status()).toBe(303);
  });

  test("the sandbox's control endpoints refuse other sites and other host names", async ({ request }) => {
    const faults = `${E2E_SANDBOX_URL}/__sandbox/faults`;
    expect((await request.get(faults, { headers: { Origin: "https://evil.example" } })).status()).toBe(403);
    expect((await request.get(faults, { headers: { Host: "rebind.evil.example" } })).status()).toBe(403);
    expect((await request.get(faults)).status()).toBe(200);
  });
});

test.describe("an https deployment", () => {
  let server: RunningServer | undefined;
  test.afterEach(async () => {
    await server?.process.stop(5_000);
    server = undefined;
  });

  test("names its session cookie __Host- (Secure, Path=/, no Domain)", async ({ playwright }) => {
    test.setTimeout(90_000);
    // TLS ends at a proxy in front of it; the portal knows it is public over https from NEXTAUTH_URL.
    server = await startStandalonePortal(EXTRA_PORTS.standalone, {
      NEXTAUTH_URL: "https://orders.example.test",
    });
    const client = await playwright.request.newContext({ baseURL: server.url });
    try {
      const response = await client.get(await linkFor({ userId: alex }), { maxRedirects: 0 });
      expect(response.status()).toBe(303);
      const setCookie = response.headersArray().find((header) => header.name.toLowerCase() === "set-cookie");
      expect(setCookie?.value).toMatch(/^__Host-sweetspot\.session=/);
      expect(setCookie?.value).toMatch(/; Secure/i);
      expect(setCookie?.value).toMatch(/; Path=\/(;|$)/);
      expect(setCookie?.value).not.toMatch(/Domain=/i);
    } finally {
      await client.dispose();
    }
  });
});
