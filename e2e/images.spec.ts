import { type APIResponse, expect, test } from "@playwright/test";
import { decodeHTML } from "entities";
import { mintLinkToken, mintStatusImageToken } from "../lib/auth/link-token";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor } from "./support/auth";
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

/** What a table row needs to know about an image answer, compared in one soft expectation. */
async function pngFindings(response: APIResponse) {
  const body = await response.body();
  return {
    status: response.status(),
    contentType: response.headers()["content-type"],
    size: isPng(body) ? pngSize(body) : null,
  };
}

/** What expectNoImage checks, as one value a table row can compare softly. */
async function noImageFindings(response: APIResponse) {
  return {
    status: response.status(),
    image: (response.headers()["content-type"] ?? "").includes("image/") || isPng(await response.body()),
    cacheable: !(response.headers()["cache-control"] ?? "").includes("no-store"),
  };
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

  // One test for the table: each row is two image fetches, far less than a test's own overhead.
  test("draws hostile text, right-to-left text and emoji, markup, unknown values and a null lifecycle at both sizes", async ({
    request,
  }) => {
    for (const [name, checkoutId] of [
      ["hostile long text", SCENARIOS.hostileLongText],
      ["right-to-left text and emoji", SCENARIOS.hostileRtlEmoji],
      ["markup in every field", SCENARIOS.hostileScript],
      ["unknown values", SCENARIOS.hostileUnknownValues],
      ["a null lifecycle", SCENARIOS.hostileNullLifecycle],
    ] as const) {
      const token = await tokenFor(hostile, checkoutId);
      for (const [width, size] of [
        [undefined, { width: 1200, height: 630 }],
        ["600", { width: 600, height: 315 }],
      ] as const) {
        const response = await request.get(statusImagePath(checkoutId, token, width));
        const found = await pngFindings(response);
        expect.soft(found, `${name} at ${size.width} px`).toEqual({
          status: 200,
          contentType: "image/png",
          size,
        });
      }
    }
  });

  // Which token the route refuses, and how, is also in app/api/status-image/[id]/route.test.ts; here,
  // the whole portal (proxy headers included) answers each case, read as one table.
  test("without a valid token there is no image: 401 for a bad token, 404 for another checkout", async ({
    request,
  }) => {
    const checkoutId = SCENARIOS.shippedUps;
    const linkToken = (withCheckout: boolean) =>
      mintLinkToken({
        userId: alex,
        checkoutId: withCheckout ? checkoutId : undefined,
        ttlSeconds: 3600,
        secret: E2E_SECRETS.PORTAL_LINK_SECRET,
      });
    const cases: { name: string; path: () => Promise<string> | string; status: number }[] = [
      { name: "no token", path: () => statusImagePath(checkoutId, null), status: 401 },
      {
        name: "an expired token",
        path: async () =>
          statusImagePath(
            checkoutId,
            await tokenFor(alex, checkoutId, {
              ttlSeconds: 3600,
              now: new Date(Date.now() - 3 * 3600 * 1000),
            }),
          ),
        status: 401,
      },
      {
        name: "a token signed with another secret",
        path: () =>
          statusImagePath(
            checkoutId,
            craftToken(
              {
                sub: alex,
                checkout: checkoutId,
                aud: "checkout-portal/status-image",
                iat: nowSeconds(),
                exp: nowSeconds() + 600,
              },
              { secret: "not-the-portal-secret-but-long-enough-0123456789" },
            ),
          ),
        status: 401,
      },
      {
        // Blair's own, valid token, naming a checkout that is Alex's.
        name: "a token for another customer's checkout",
        path: async () => statusImagePath(checkoutId, await tokenFor(blair, checkoutId)),
        status: 404,
      },
      {
        name: "a token naming a different checkout than the path",
        path: async () => statusImagePath(checkoutId, await tokenFor(alex, SCENARIOS.delivered)),
        status: 404,
      },
      // A sign-in link only signs in, even one naming this checkout.
      {
        name: "a sign-in link token naming this checkout",
        path: async () => statusImagePath(checkoutId, await linkToken(true)),
        status: 401,
      },
      {
        name: "an account sign-in link token",
        path: async () => statusImagePath(checkoutId, await linkToken(false)),
        status: 401,
      },
      {
        name: "a token for a checkout that does not exist",
        path: async () => statusImagePath("chk_doesnotexist01", await tokenFor(alex, "chk_doesnotexist01")),
        status: 404,
      },
    ];
    for (const { name, path, status } of cases) {
      const found = await noImageFindings(await request.get(await path()));
      expect.soft(found, name).toEqual({ status, image: false, cacheable: false });
    }
  });

  // The link page is plain HTML and "no session" is a Set-Cookie it does not send: read as the answer.
  test("an image token cannot sign in: the link page refuses it and sets no session", async ({ request }) => {
    const token = await tokenFor(alex, SCENARIOS.shippedUps);
    const response = await request.get(`/link?token=${token}`, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.text()).toMatch(/<h1>This link doesn(&#x27;|&apos;|'|’)t work/);
    const setCookies = response.headersArray().filter(({ name }) => name.toLowerCase() === "set-cookie");
    expect(setCookies.map(({ value }) => value)).not.toContainEqual(
      expect.stringMatching(/sweetspot\.session=/),
    );
    expect((await request.storageState()).cookies).not.toContainEqual(
      expect.objectContaining({ name: expect.stringMatching(/sweetspot\.session$/) }),
    );
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

/**
 * The link-preview tags and title in a page's <head>, by property or name: what a crawler reads (it
 * runs no script), so these are read from the HTML the portal sends rather than from a rendered page.
 */
function previewTagsIn(html: string): Record<string, string> {
  const head = html.slice(0, html.indexOf("</head>"));
  const tags: Record<string, string> = {};
  for (const [, key, content] of head.matchAll(
    /<meta (?:property|name)="((?:og|twitter):[^"]*)" content="([^"]*)"/g,
  )) {
    if (key !== undefined && content !== undefined) tags[key] = decodeHTML(content);
  }
  const title = /<title>([^<]*)<\/title>/.exec(head)?.[1];
  if (title !== undefined) tags.title = decodeHTML(title);
  return tags;
}

test.describe("link previews", () => {
  test("every kind of page names an absolute 1200×630 PNG for Open Graph and Twitter cards", async ({
    request,
  }) => {
    // Signed out first, then signed in through an account link (the request context keeps the cookie).
    const pages: { name: string; path: () => Promise<string> | string; landsOn: string }[] = [
      { name: "sign-in page", path: () => "/signin", landsOn: "/signin" },
      { name: "signed-out deep link", path: () => `/checkouts/${SCENARIOS.shippedUps}`, landsOn: "/signin" },
      { name: "not-found page", path: () => "/no-such-page", landsOn: "/no-such-page" },
      { name: "broken email link page", path: () => "/link?token=not-a-token", landsOn: "/link" },
      { name: "order list", path: () => linkFor({ userId: alex }), landsOn: "/checkouts" },
      {
        name: "order page",
        path: () => `/checkouts/${SCENARIOS.shippedUps}`,
        landsOn: `/checkouts/${SCENARIOS.shippedUps}`,
      },
    ];
    // Next's opengraph-image and twitter-image conventions, one image per language (no Accept-Language
    // but English here); their tags add a cache-busting query.
    const origin = E2E_PORTAL_URL.replace(/[.]/g, "\\.");
    const expectedTags = {
      "twitter:card": "summary_large_image",
      "og:image": expect.stringMatching(new RegExp(`^${origin}/opengraph-image/en(\\?[^/]*)?$`)),
      "twitter:image": expect.stringMatching(
        new RegExp(`^${origin}/(twitter|opengraph)-image/en(\\?[^/]*)?$`),
      ),
      "og:image:width": "1200",
      "og:image:height": "630",
      "og:title": expect.stringMatching(/./),
      "og:description": expect.stringMatching(/./),
    };
    const images = new Set<string>();
    for (const { name, path, landsOn } of pages) {
      const response = await request.get(await path(), { headers: { "Accept-Language": "en-US" } });
      expect.soft(new URL(response.url()).pathname, `the ${name} is the page meant`).toBe(landsOn);
      const tags = previewTagsIn(await response.text());
      expect.soft(tags, `the ${name}'s preview tags`).toMatchObject(expectedTags);
      for (const image of [tags["og:image"], tags["twitter:image"]]) if (image) images.add(image);
    }
    // The same few images for every page: each is fetched once.
    expect(images.size).toBeGreaterThan(0);
    for (const url of images) {
      const image = await request.get(url);
      expect.soft(await pngFindings(image), url).toEqual({
        status: 200,
        contentType: "image/png",
        size: { width: 1200, height: 630 },
      });
      // Rendered at build time, the same for everyone: shared caches may keep it (Next sends s-maxage).
      expect.soft(image.headers()["cache-control"], url).toMatch(/\b(public|s-maxage=\d+)\b/);
      expect.soft(image.headers()["cache-control"], url).not.toMatch(/private|no-store/);
    }
  });

  test("a deep link's preview says nothing about the order, signed out or in", async ({ request }) => {
    const checkoutId = SCENARIOS.shippedUps;
    const token = await mintLinkToken({
      userId: alex,
      checkoutId,
      ttlSeconds: 3600,
      secret: E2E_SECRETS.PORTAL_LINK_SECRET,
    });
    const previews: Record<string, Record<string, string>> = {};
    previews["signed out"] = previewTagsIn(await (await request.get(`/checkouts/${checkoutId}`)).text());
    // A crawler that follows an email link itself (which signs this request context in).
    const crawled = await request.get(`/link?token=${token}`, { headers: { "User-Agent": "Slackbot 1.0" } });
    expect(crawled.ok()).toBe(true);
    const crawledHtml = await crawled.text();
    // Its whole <head>, not only the tags: a crawler may read anything there.
    previews.crawled = {
      ...previewTagsIn(crawledHtml),
      head: crawledHtml.slice(0, crawledHtml.indexOf("</head>")),
    };
    previews["signed in"] = previewTagsIn(await (await request.get(`/checkouts/${checkoutId}`)).text());

    // What the page would reveal: the checkout's id, item title and status, read as the customer.
    const viewResponse = await request.get(`/api/checkouts/${checkoutId}`);
    expect(viewResponse.status(), "signed in by the crawled link").toBe(200);
    const view = (await viewResponse.json()) as {
      title: string;
      status: { label: string; description: string };
    };
    const secrets = [checkoutId, view.title, view.status.label, view.status.description, alex];

    for (const [name, preview] of Object.entries(previews)) {
      // Preview tags and a title were found at all: an empty record would pass the checks below.
      expect(Object.keys(preview), name).toEqual(expect.arrayContaining(["og:title", "og:image", "title"]));
      for (const [key, value] of Object.entries(preview)) {
        for (const secret of secrets) expect.soft(value, `${name}: ${key}`).not.toContain(secret);
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
