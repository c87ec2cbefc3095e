import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { mintLinkToken, mintStatusImageToken } from "../lib/auth/link-token";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInAs } from "./support/auth";
import { E2E_PORTAL_URL, E2E_SECRETS } from "./support/environment";
import { isPng, pngSize } from "./support/png";
import { sandboxControl } from "./support/sandbox";
import { craftToken, nowSeconds } from "./support/tokens";

const alex = DEMO_CUSTOMERS.alex.id;
const blair = DEMO_CUSTOMERS.blair.id;
const hostile = DEMO_CUSTOMERS.hostile.id;

/** A status-image token as the notification system mints it. */
function tokenFor(userId: string, checkoutId: string, options: { ttlSeconds?: number; now?: Date } = {}) {
  return mintStatusImageToken({
    userId,
    checkoutId,
    ttlSeconds: options.ttlSeconds ?? 3600,
    now: options.now,
    secret: E2E_SECRETS.PORTAL_LINK_SECRET,
  });
}

function statusImagePath(checkoutId: string, token: string | null, width?: string): string {
  const query = new URLSearchParams();
  if (token !== null) query.set("token", token);
  if (width !== undefined) query.set("w", width);
  return `/api/status-image/${encodeURIComponent(checkoutId)}?${query}`;
}

async function expectPng(response: APIResponse, size: { width: number; height: number }) {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await response.body())).toEqual(size);
}

async function expectNoImage(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).not.toContain("image/");
  expect(isPng(await response.body())).toBe(false);
  expect(response.headers()["cache-control"]).toContain("no-store");
}

test.describe("status image for emails", () => {
  test("answers a private, briefly cacheable 1200×630 PNG by default", async ({ request }) => {
    const token = await tokenFor(alex, SCENARIOS.shippedUps);
    const response = await request.get(statusImagePath(SCENARIOS.shippedUps, token));
    await expectPng(response, { width: 1200, height: 630 });
    // The proxy adds its security headers to every answer; none of them may replace the route's caching.
    expect(response.headers()["cache-control"]).toBe("private, max-age=60");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
  });

  test("answers 600×315 for email width, and 1200×630 when asked explicitly", async ({ request }) => {
    const token = await tokenFor(alex, SCENARIOS.shippedUps);
    const narrow = await request.get(statusImagePath(SCENARIOS.shippedUps, token, "600"));
    await expectPng(narrow, { width: 600, height: 315 });
    expect(narrow.headers()["cache-control"]).toBe("private, max-age=60");
    await expectPng(await request.get(statusImagePath(SCENARIOS.shippedUps, token, "1200")), {
      width: 1200,
      height: 630,
    });
  });

  test("refuses widths it does not draw", async ({ request }) => {
    const token = await tokenFor(alex, SCENARIOS.shippedUps);
    await expectNoImage(await request.get(statusImagePath(SCENARIOS.shippedUps, token, "5000")), 400);
  });

  for (const [name, checkoutId] of [
    ["hostile long text", SCENARIOS.hostileLongText],
    ["right-to-left text and emoji", SCENARIOS.hostileRtlEmoji],
    ["markup in every field", SCENARIOS.hostileScript],
    ["unknown values", SCENARIOS.hostileUnknownValues],
    ["a null lifecycle", SCENARIOS.hostileNullLifecycle],
  ] as const) {
    test(`draws ${name} at both sizes`, async ({ request }) => {
      const token = await tokenFor(hostile, checkoutId);
      await expectPng(await request.get(statusImagePath(checkoutId, token)), { width: 1200, height: 630 });
      await expectPng(await request.get(statusImagePath(checkoutId, token, "600")), {
        width: 600,
        height: 315,
      });
    });
  }

  test.describe("without a valid token there is no image", () => {
    const checkoutId = SCENARIOS.shippedUps;

    test("no token: 401", async ({ request }) => {
      await expectNoImage(await request.get(statusImagePath(checkoutId, null)), 401);
    });

    test("expired token: 401", async ({ request }) => {
      const token = await tokenFor(alex, checkoutId, {
        ttlSeconds: 3600,
        now: new Date(Date.now() - 3 * 3600 * 1000),
      });
      await expectNoImage(await request.get(statusImagePath(checkoutId, token)), 401);
    });

    test("token signed with another secret: 401", async ({ request }) => {
      const token = craftToken(
        {
          sub: alex,
          checkout: checkoutId,
          aud: "checkout-portal/status-image",
          iat: nowSeconds(),
          exp: nowSeconds() + 600,
        },
        { secret: "not-the-portal-secret-but-long-enough-0123456789" },
      );
      await expectNoImage(await request.get(statusImagePath(checkoutId, token)), 401);
    });

    test("token for another customer's checkout: 404", async ({ request }) => {
      // Blair's own, valid token, naming a checkout that is Alex's.
      const token = await tokenFor(blair, checkoutId);
      await expectNoImage(await request.get(statusImagePath(checkoutId, token)), 404);
    });

    test("token naming a different checkout than the path: 404", async ({ request }) => {
      const token = await tokenFor(alex, SCENARIOS.delivered);
      await expectNoImage(await request.get(statusImagePath(checkoutId, token)), 404);
    });

    test("a sign-in link token, even one naming this checkout: 401 (it only signs in)", async ({
      request,
    }) => {
      const link = await mintLinkToken({
        userId: alex,
        checkoutId,
        ttlSeconds: 3600,
        secret: E2E_SECRETS.PORTAL_LINK_SECRET,
      });
      await expectNoImage(await request.get(statusImagePath(checkoutId, link)), 401);
      const account = await mintLinkToken({
        userId: alex,
        ttlSeconds: 3600,
        secret: E2E_SECRETS.PORTAL_LINK_SECRET,
      });
      await expectNoImage(await request.get(statusImagePath(checkoutId, account)), 401);
    });

    test("an image token cannot sign in: the link page refuses it and sets no session", async ({
      page,
      context,
    }) => {
      const token = await tokenFor(alex, checkoutId);
      const response = await page.goto(`/link?token=${token}`);
      expect(response?.status()).toBe(401);
      await expect(page.getByRole("heading", { level: 1, name: "This link doesn't work" })).toBeVisible();
      const cookies = await context.cookies(E2E_PORTAL_URL);
      expect(cookies.find((cookie) => cookie.name.endsWith("sweetspot.session"))).toBeUndefined();
    });

    test("token for a checkout that does not exist: 404", async ({ request }) => {
      const token = await tokenFor(alex, "chk_doesnotexist01");
      await expectNoImage(await request.get(statusImagePath("chk_doesnotexist01", token)), 404);
    });
  });

  test("answers 429 with Retry-After once one token is fetched too often", async ({ request }) => {
    // Image tokens carry no random id: a lifetime no other test uses makes this token this test's own.
    const token = await tokenFor(alex, SCENARIOS.delivered, { ttlSeconds: 4321 });
    // 20 a minute per token, in windows aligned to the clock: a boundary in between only means a few more.
    let served = 0;
    let limited = await request.get(statusImagePath(SCENARIOS.delivered, token, "600"));
    while (limited.status() === 200 && served < 45) {
      served++;
      limited = await request.get(statusImagePath(SCENARIOS.delivered, token, "600"));
    }
    expect(served).toBeGreaterThanOrEqual(20);
    await expectNoImage(limited, 429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    // Another token (another email) is counted on its own.
    const other = await tokenFor(alex, SCENARIOS.delivered, { ttlSeconds: 4322 });
    expect((await request.get(statusImagePath(SCENARIOS.delivered, other, "600"))).status()).toBe(200);
  });

  test.describe("when the API is down", () => {
    test.afterEach(async ({ request }) => {
      await sandboxControl(request).clearFaults();
    });

    test("answers 503 with Retry-After and no image", async ({ request }) => {
      await sandboxControl(request).addFault({ status: 503, path: "/v1/checkouts" });
      const token = await tokenFor(alex, SCENARIOS.shippedUps);
      const response = await request.get(statusImagePath(SCENARIOS.shippedUps, token));
      await expectNoImage(response, 503);
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    });
  });
});

/** The link-preview tags of the page the browser is on, by property or name. */
async function previewTags(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const tags: Record<string, string> = {};
    for (const meta of document.head.querySelectorAll("meta[property^='og:'], meta[name^='twitter:']")) {
      const key = meta.getAttribute("property") ?? meta.getAttribute("name") ?? "";
      tags[key] = meta.getAttribute("content") ?? "";
    }
    return tags;
  });
}

test.describe("link previews", () => {
  const pages: { name: string; open: (page: Page) => Promise<unknown> }[] = [
    { name: "sign-in page", open: (page) => page.goto("/signin") },
    { name: "signed-out deep link", open: (page) => page.goto(`/checkouts/${SCENARIOS.shippedUps}`) },
    {
      name: "order list",
      open: async (page) => {
        await signInAs(page, alex);
        await page.goto("/checkouts");
      },
    },
    {
      name: "order page",
      open: async (page) => {
        await signInAs(page, alex);
        await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
      },
    },
    { name: "not-found page", open: (page) => page.goto("/no-such-page") },
    { name: "broken email link page", open: (page) => page.goto("/link?token=not-a-token") },
  ];

  for (const { name, open } of pages) {
    test(`the ${name} names an absolute 1200×630 PNG for Open Graph and Twitter cards`, async ({
      page,
      request,
    }) => {
      await open(page);
      const tags = await previewTags(page);
      expect(tags["twitter:card"]).toBe("summary_large_image");
      // Next's opengraph-image and twitter-image conventions, one image per language (the browser
      // here prefers English); their tags add a cache-busting query.
      const origin = E2E_PORTAL_URL.replace(/[.]/g, "\\.");
      expect(tags["og:image"]).toMatch(new RegExp(`^${origin}/opengraph-image/en(\\?[^/]*)?$`));
      expect(tags["twitter:image"]).toMatch(
        new RegExp(`^${origin}/(twitter|opengraph)-image/en(\\?[^/]*)?$`),
      );
      expect(tags["og:image:width"]).toBe("1200");
      expect(tags["og:image:height"]).toBe("630");
      expect(tags["og:title"]).toBeTruthy();
      expect(tags["og:description"]).toBeTruthy();

      await expectPng(await request.get(tags["twitter:image"] ?? ""), { width: 1200, height: 630 });
      const image = await request.get(tags["og:image"] ?? "");
      await expectPng(image, { width: 1200, height: 630 });
      // Rendered at build time, the same for everyone: shared caches may keep it (Next sends s-maxage).
      expect(image.headers()["cache-control"]).toMatch(/\b(public|s-maxage=\d+)\b/);
      expect(image.headers()["cache-control"]).not.toMatch(/private|no-store/);
    });
  }

  test("a deep link's preview says nothing about the order, signed out or in", async ({ page, request }) => {
    const checkoutId = SCENARIOS.shippedUps;
    const token = await mintLinkToken({
      userId: alex,
      checkoutId,
      ttlSeconds: 3600,
      secret: E2E_SECRETS.PORTAL_LINK_SECRET,
    });
    // What the page would reveal: the checkout's id, item title and status, read as the customer.
    await signInAs(page, alex);
    const view = (await (await page.request.get(`/api/checkouts/${checkoutId}`)).json()) as {
      title: string;
      status: { label: string; description: string };
    };
    const secrets = [checkoutId, view.title, view.status.label, view.status.description, alex];

    const previews: Record<string, string>[] = [];
    await page.goto(`/checkouts/${checkoutId}`);
    previews.push({ ...(await previewTags(page)), title: await page.title() });
    await page.context().clearCookies();
    await page.goto(`/checkouts/${checkoutId}`);
    previews.push({ ...(await previewTags(page)), title: await page.title() });
    // A crawler that follows an email link itself.
    const crawled = await request.get(`/link?token=${token}`, { headers: { "User-Agent": "Slackbot 1.0" } });
    expect(crawled.ok()).toBe(true);
    const crawledHtml = await crawled.text();
    previews.push({ head: crawledHtml.slice(0, crawledHtml.indexOf("</head>")) });

    for (const preview of previews) {
      expect(Object.keys(preview).length).toBeGreaterThan(0);
      for (const value of Object.values(preview)) {
        for (const secret of secrets) expect(value).not.toContain(secret);
      }
    }
  });

  test("the preview image shows on the portal's own pages under its Content-Security-Policy", async ({
    page,
  }) => {
    await page.goto("/signin");
    const width = await page.evaluate(async () => {
      const image = new Image();
      image.src = "/opengraph-image/en";
      await image.decode();
      return image.naturalWidth;
    });
    expect(width).toBe(1200);
  });
});
