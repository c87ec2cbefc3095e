import { type APIResponse, expect, test } from "@playwright/test";
import { decodeHTML } from "entities";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor, signInAs } from "./support/auth";
import { craftToken, nowSeconds } from "./support/tokens";

const alex = DEMO_CUSTOMERS.alex.id;

/** The text of a page's first h1, as a reader would see it (tags dropped, entities decoded). */
function headingOf(html: string): string {
  const inner = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "";
  return decodeHTML(inner.replace(/<[^>]*>/g, "")).trim();
}

/** The session cookies an answer sets, each as its whole Set-Cookie line. */
function sessionCookiesSetBy(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter(
      ({ name, value }) => name.toLowerCase() === "set-cookie" && /^[^=]*sweetspot\.session=/.test(value),
    )
    .map(({ value }) => value);
}

test.describe("email links", () => {
  test("a link without a checkout opens the account and leaves the address bar clean", async ({ page }) => {
    await page.goto(await linkFor({ userId: alex }));
    await expect(page).toHaveURL(/\/checkouts$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  });

  test("a link with a checkout opens that checkout, even after a mail scanner's HEAD and GET", async ({
    page,
    request,
  }) => {
    const link = await linkFor({ userId: alex, checkoutId: SCENARIOS.shippedUps });
    // Mail scanners open links before people do: neither look may spend the link.
    expect((await request.head(link)).status(), "a scanner's HEAD").toBe(204);
    expect((await request.get(link, { maxRedirects: 0 })).status(), "a scanner's GET").toBe(303);
    const response = await page.goto(link);
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
  // status and page in lib/plain-pages/link-pages.test.ts: here, each of the three, end to end.
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

  // The refusal pages are plain HTML the route writes (no script, nothing for a browser to run), and
  // "no session" is a Set-Cookie the route does not send: read as the answer, not rendered.
  test("an expired, a not yet valid and a tampered token each get their plain-words page and no session", async ({
    request,
  }) => {
    for (const { name, token, title, status } of refused) {
      const response = await request.get(`/link?token=${await token()}`, { maxRedirects: 0 });
      const html = await response.text();
      expect.soft(response.status(), `${name}: status`).toBe(status);
      expect.soft(headingOf(html), `${name}: headline`).toMatch(title);
      expect.soft(html, `${name}: a way to sign in`).toMatch(/<a [^>]*href="\/signin"[^>]*>Sign in<\/a>/);
      expect.soft(html, `${name}: nothing of a stack`).not.toMatch(/at \w+ \(|node_modules|Error:/);
      expect.soft(sessionCookiesSetBy(response), `${name}: no session cookie`).toEqual([]);
    }
    expect((await request.storageState()).cookies.map((cookie) => cookie.name)).not.toContainEqual(
      expect.stringMatching(/sweetspot\.session$/),
    );
  });
});

test("a link for one checkout opens that checkout only: the list and another checkout ask for a full sign-in, page and JSON", async ({
  page,
}) => {
  await page.goto(await linkFor({ userId: alex, checkoutId: SCENARIOS.shippedUps }));
  await page.goto("/checkouts");
  await expect(page, "the list").toHaveURL(/\/signin\?/);
  await page.goto(`/checkouts/${SCENARIOS.delivered}`);
  await expect(page, "another checkout of the same customer").toHaveURL(/\/signin\?/);
  const json = await page.request.get(`/api/checkouts/${SCENARIOS.delivered}`);
  expect(json.status(), "another checkout's JSON").toBe(401);
  const own = await page.request.get(`/api/checkouts/${SCENARIOS.shippedUps}`);
  expect(own.status(), "the link's own checkout's JSON").toBe(200);
});

test.describe("sign-in page", () => {
  test("a signed-out deep link offers the sandbox's demo customers and comes back to exactly that page after sign-in", async ({
    page,
  }) => {
    await page.goto(`/checkouts/${SCENARIOS.leaseActive}`);
    await expect(page).toHaveURL(
      new RegExp(`/signin\\?callbackUrl=%2Fcheckouts%2F${SCENARIOS.leaseActive}$`),
    );
    await expect(page.getByRole("heading", { name: "Sandbox demo customers" })).toBeVisible();
    for (const customer of Object.values(DEMO_CUSTOMERS)) {
      await expect(page.getByRole("button", { name: `Sign in as ${customer.name}` })).toBeVisible();
    }
    await page.getByRole("button", { name: `Sign in as ${DEMO_CUSTOMERS.alex.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.leaseActive}$`));
  });

  // Every spelling of another origin, script URL and path trick is in lib/auth/return-path.test.ts;
  // here, the sign-in journey with one of each kind, in one browser (signed out again in between).
  test("a return target on another site or in a script URL lands on /checkouts", async ({
    page,
    context,
  }) => {
    for (const attack of ["//evil.example", "javascript:alert(1)"]) {
      await context.clearCookies();
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(attack)}`);
      await page.getByRole("button", { name: `Sign in as ${DEMO_CUSTOMERS.alex.name}` }).click();
      await expect(page, `after signing in with ${JSON.stringify(attack)}`).toHaveURL(
        /^http:\/\/127\.0\.0\.1:\d+\/checkouts$/,
      );
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
  // The attributes as the portal sends them: what a browser keeps follows from this header.
  test("the session cookie is HttpOnly, SameSite=Lax and lives at most 14 days", async ({ request }) => {
    const response = await request.get(await linkFor({ userId: alex }), { maxRedirects: 0 });
    const [cookie, ...more] = sessionCookiesSetBy(response);
    expect(more, "one session cookie").toEqual([]);
    expect(cookie).toMatch(/;\s*HttpOnly\b/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax\b/i);
    const maxAge = /;\s*Max-Age=(\d+)/i.exec(cookie ?? "")?.[1];
    const expires = /;\s*Expires=([^;]+)/i.exec(cookie ?? "")?.[1];
    expect(maxAge ?? expires, "a lifetime of its own").toBeDefined();
    const fourteenDays = 14 * 24 * 60 * 60;
    if (maxAge !== undefined) expect(Number(maxAge)).toBeLessThanOrEqual(fourteenDays);
    if (expires !== undefined) {
      expect(Date.parse(expires) / 1000).toBeLessThanOrEqual(nowSeconds() + fourteenDays + 5);
    }
  });

  // Read with `request` and plain fetch: no page is needed to post next-auth's form, and fetch has no
  // cookie jar, so the copy is the only cookie it sends.
  test("next-auth's own sign-out also ends the session everywhere: a copy of the cookie is refused", async ({
    request,
    baseURL,
  }) => {
    const opened = await request.get(await linkFor({ userId: alex }), { maxRedirects: 0 });
    const copy = (sessionCookiesSetBy(opened)[0] ?? "").split(";")[0] ?? "";
    const withCopy = async () => {
      const answer = await fetch(new URL(`/api/checkouts/${SCENARIOS.shippedUps}`, baseURL), {
        headers: { Cookie: copy },
      });
      await answer.arrayBuffer();
      return answer.status;
    };
    expect(await withCopy()).toBe(200);
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedOut = await request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
    expect(signedOut.status()).toBe(302);
    expect(sessionCookiesSetBy(signedOut).join(), "the cookie cleared").toMatch(
      /Max-Age=0|Expires=Thu, 01 Jan 1970/i,
    );
    expect(await withCopy()).toBe(401);
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
