import { expect, type Page, test } from "@playwright/test";
import { decodeHTML } from "entities";
import { mintLinkToken, mintStatusImageToken } from "../lib/auth/link-token";
import type { Locale } from "../lib/i18n/locales";
import { emailLinkPath } from "../lib/urls/portal-urls";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { sessionCookieOf } from "./support/auth";
import { axeViolations } from "./support/axe";
import { E2E_PORTAL_URL, E2E_SANDBOX_URL, E2E_SECRETS } from "./support/environment";
import { pngSize } from "./support/png";

/**
 * Spanish around email links (issue 18): the link pages speak the language of the email the link
 * came in (its `lang` claim) unless the customer chose another, "email me a new link" works end to
 * end in Spanish and asks the operator for a Spanish email, and the status image and link previews
 * speak it too.
 */

const OUTBOX_URL = `${E2E_SANDBOX_URL}/__sandbox/outbox`;
const HOUR = 3600;

/** A link the notification system sent in `lang`, expired an hour ago unless `now` says otherwise. */
async function emailLink(
  userId: string,
  options: { checkoutId?: string; lang?: Locale; secret?: string; expired?: boolean } = {},
): Promise<string> {
  const token = await mintLinkToken({
    userId,
    checkoutId: options.checkoutId,
    ttlSeconds: HOUR,
    now: options.expired === false ? undefined : new Date(Date.now() - 2 * HOUR * 1000),
    secret: options.secret ?? E2E_SECRETS.PORTAL_LINK_SECRET,
    lang: options.lang,
  });
  return emailLinkPath(token);
}

async function outboxEmails(page: Page): Promise<{ userId: string; lang?: string }[]> {
  return (
    (await (await page.request.get(`${OUTBOX_URL}?format=json`)).json()) as {
      emails: { userId: string; lang?: string }[];
    }
  ).emails;
}

test("an expired Spanish link gets the Spanish page, and a new link by email in Spanish", async ({
  page,
  context,
}) => {
  const blair = DEMO_CUSTOMERS.blair.id;
  const checkout = SCENARIOS.blairShipped;
  await page.request.delete(OUTBOX_URL);
  // The browser prefers English (the project's en-US locale): the email's language still wins.

  const response = await page.goto(await emailLink(blair, { checkoutId: checkout, lang: "es" }));
  expect(response?.status()).toBe(410);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle("Este enlace venció · The Sweet Spot");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Este enlace venció");
  await expect(page.getByRole("link", { name: "Iniciar sesión" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Envíenme un enlace nuevo" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revise su correo");
  await expect(
    page.getByText(
      "Si el enlace es de The Sweet Spot, le enviaremos uno nuevo a la dirección de correo electrónico de su pedido.",
    ),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(page.url()).not.toContain("token=");
  expect(await sessionCookieOf(context)).toBeUndefined();

  // The operator is asked for the email in Spanish (the webhook runs after the answer: wait for it).
  await expect.poll(async () => (await outboxEmails(page)).map((email) => email.lang)).toEqual(["es"]);
  await page.goto(OUTBOX_URL);
  await expect(page.getByText("to be written in es")).toBeVisible();
  await page.getByRole("link", { name: "Open the new link" }).first().click();

  // The new link carries the language too: the portal opens the checkout in Spanish.
  await expect(page).toHaveURL(new RegExp(`/checkouts/${checkout}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  expect(await sessionCookieOf(context)).toBeDefined();
});

/** The page's language and its first headline, from the HTML a link page answers (plain, no script). */
function languageAndHeadline(html: string): { lang: string | undefined; headline: string } {
  const inner = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "";
  return {
    lang: /<html[^>]* lang="([^"]*)"/.exec(html)?.[1],
    headline: decodeHTML(inner.replace(/<[^>]*>/g, "")).trim(),
  };
}

// Which language a link page speaks is linkPageLocale's (lib/plain-pages/page-locale.ts; its table is in
// lib/plain-pages/link-pages.test.ts): these read the plain page the route sends, with no script to run.
test("the customer's own choice of language beats the link's", async ({ request }) => {
  const response = await request.get(
    await emailLink(DEMO_CUSTOMERS.many.id, { lang: "es", secret: E2E_SECRETS.PORTAL_LINK_SECRET }),
    { headers: { Cookie: "locale=en", "Accept-Language": "en-US" } },
  );
  expect(response.status()).toBe(410);
  expect(languageAndHeadline(await response.text())).toEqual({
    lang: "en",
    headline: "This link has expired",
  });
});

const forgedSpanishLink = () =>
  emailLink(DEMO_CUSTOMERS.many.id, { lang: "es", secret: "someone-elses-link-secret-0123456789abcdef" });

test("a forged link's language counts for nothing: an English browser gets English", async ({ request }) => {
  const response = await request.get(await forgedSpanishLink(), { headers: { "Accept-Language": "en-US" } });
  expect(response.status()).toBe(401);
  const { lang, headline } = languageAndHeadline(await response.text());
  expect(lang).toBe("en");
  expect(headline).toMatch(/doesn.t work/);
});

test("a link page and a layout page name the Spanish preview image once, with a Spanish alt, and it is a PNG", async ({
  request,
}) => {
  const origin = E2E_PORTAL_URL.replace(/[.]/g, "\\.");
  const images = new Set<string>();
  for (const path of ["/link?token=not-a-token", "/signin"]) {
    const html = await (await request.get(path, { headers: { "Accept-Language": "es-MX" } })).text();
    const head = html.slice(0, html.indexOf("</head>"));
    const named = [...head.matchAll(/<meta property="og:image" content="([^"]*)"/g)].map(([, url]) =>
      decodeHTML(url ?? ""),
    );
    expect
      .soft(named, `${path}: one og:image, the Spanish one`)
      .toEqual([expect.stringMatching(new RegExp(`^${origin}/opengraph-image/es(\\?[^/]*)?$`))]);
    expect
      .soft(/<meta property="og:image:alt" content="([^"]*)"/.exec(head)?.[1], `${path}: the alt`)
      .toMatch(/^Estado del pedido de The Sweet Spot/);
    for (const url of named) images.add(url);
  }
  expect(images.size).toBeGreaterThan(0);
  for (const url of images) {
    const png = await request.get(url);
    expect.soft(png.status(), url).toBe(200);
    expect.soft(png.headers()["content-type"], url).toBe("image/png");
    expect.soft(pngSize(await png.body()), url).toEqual({ width: 1200, height: 630 });
    // Static, the same bytes for everyone: shared caches may keep it.
    expect.soft(png.headers()["cache-control"], url).not.toMatch(/private|no-store/);
  }
});

test("the status image for a Spanish email is a PNG in Spanish", async ({ request }) => {
  const checkout = SCENARIOS.shippedUps;
  const mint = (lang?: Locale) =>
    mintStatusImageToken({
      userId: DEMO_CUSTOMERS.alex.id,
      checkoutId: checkout,
      ttlSeconds: HOUR,
      secret: E2E_SECRETS.PORTAL_LINK_SECRET,
      lang,
    });
  const spanish = await request.get(`/api/status-image/${checkout}?token=${await mint("es")}&w=600`);
  expect(spanish.status()).toBe(200);
  expect(spanish.headers()["content-type"]).toBe("image/png");
  expect(spanish.headers()["content-language"]).toBe("es");
  expect(pngSize(await spanish.body())).toEqual({ width: 600, height: 315 });

  // Drawn apart from the English one (the cache keys by language): other words, other pixels.
  const english = await request.get(`/api/status-image/${checkout}?token=${await mint()}&w=600`);
  expect(english.headers()["content-language"]).toBe("en");
  expect(Buffer.compare(await spanish.body(), await english.body())).not.toBe(0);
});

test.describe("the language switch of a link page, without JavaScript", () => {
  test.use({ locale: "es-MX", javaScriptEnabled: false });

  test("an expired link read in Spanish switches to English, and the token goes nowhere", async ({
    page,
    context,
  }) => {
    const link = await emailLink(DEMO_CUSTOMERS.many.id);
    const token = new URL(link, E2E_PORTAL_URL).searchParams.get("token") ?? "";
    expect(token).not.toBe("");
    // Every request the browser makes from here on: none may carry the token but the link itself.
    const leaks: string[] = [];
    page.on("request", (request) => {
      const headers = Object.entries(request.headers()).map(([name, value]) => `${name}: ${value}`);
      const carried = [headers.join("\n"), request.postData() ?? ""];
      if (
        request.url() !== new URL(link, E2E_PORTAL_URL).href &&
        carried.some((each) => each.includes(token))
      )
        leaks.push(`${request.method()} ${request.url()}`);
    });

    // No `lang` claim: the browser's Spanish decides.
    expect((await page.goto(link))?.status()).toBe(410);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Este enlace venció");
    const english = page.getByRole("group", { name: "Idioma" }).getByRole("button", { name: "English" });
    await expect(english).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Español" })).toHaveCount(0);

    await english.click();

    // The sign-in page, in English: where every link page points, and it says the email's link signs in.
    await expect(page).toHaveURL(`${E2E_PORTAL_URL}/signin`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to see your orders" })).toBeVisible();
    await expect(page.getByText("The link in it signs you in")).toBeVisible();
    expect((await context.cookies(E2E_PORTAL_URL)).find((cookie) => cookie.name === "locale")?.value).toBe(
      "en",
    );
    expect(leaks).toEqual([]);

    // Opening the email's link again shows its page in the language just chosen.
    expect((await page.goto(link))?.status()).toBe(410);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired");
    await expect(
      page.getByRole("group", { name: "Language" }).getByRole("button", { name: "Español" }),
    ).toHaveAttribute("lang", "es");
  });
});

test.describe("axe on the link pages with their language switch", () => {
  // axe runs as a script in the page, so this audit runs with JavaScript on (the page has none of its own).
  test.use({ locale: "es-MX" });

  test("finds nothing on a forged link's page and the expired page in Spanish, nor in English once chosen", async ({
    page,
    context,
  }) => {
    // A forged link's page follows the browser's Spanish (its `lang` claim is not trusted) and offers no renewal.
    expect((await page.goto(await forgedSpanishLink()))?.status()).toBe(401);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Este enlace no funciona");
    await expect(page.getByRole("button", { name: "Envíenme un enlace nuevo" })).toHaveCount(0);
    expect(await axeViolations(page), "the forged link's page").toEqual([]);

    const link = await emailLink(DEMO_CUSTOMERS.many.id);
    expect((await page.goto(link))?.status()).toBe(410);
    await expect(
      page.getByRole("group", { name: "Idioma" }).getByRole("button", { name: "English" }),
    ).toBeVisible();
    expect(await axeViolations(page), "the expired page in Spanish").toEqual([]);
    await context.addCookies([{ name: "locale", value: "en", url: E2E_PORTAL_URL }]);
    expect((await page.goto(link))?.status()).toBe(410);
    await expect(
      page.getByRole("group", { name: "Language" }).getByRole("button", { name: "Español" }),
    ).toBeVisible();
    expect(await axeViolations(page), "the expired page in English").toEqual([]);
  });
});
