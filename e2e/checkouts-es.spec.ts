import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { linkFor, signInContext } from "./support/auth";
import { englishUiWordsOn, expectPageLanguage } from "./support/languages";
import { apiCheckoutsOf, expectNoRawApiValues, panelHeadings } from "./support/pages";
import { sandboxControl } from "./support/sandbox";

/**
 * The orders' pages for a customer whose browser prefers Spanish: the list and an order's page speak
 * Spanish (headlines, actions, panels, money and dates in es-US), and the live routes answer
 * in the page's language. And everything an English-speaking customer can do, done in Spanish in one
 * journey: from an email link to one order, all orders, filters, pages, the actions, copying, signing
 * out; and the live update.
 */

test.use({ locale: "es-MX", extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" }, timezoneId: "UTC" });

test.describe("signed in", () => {
  test.beforeEach(async ({ context }) => {
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
  });

  // axe audits these pages in Spanish in e2e/accessibility.spec.ts, with every other page.
  test("the list of orders speaks Spanish", async ({ page }) => {
    await page.goto("/checkouts");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1, name: "Sus pedidos" })).toBeVisible();
    await expect(page).toHaveTitle(/Sus pedidos/);
    await expect(page.getByRole("heading", { level: 2, name: /Requieren su atención/ })).toBeVisible();
    const filters = page.getByRole("navigation", { name: "Filtrar pedidos" });
    await expect(filters.getByRole("link", { name: "Todos" })).toHaveAttribute("aria-current", "page");
    await expect(filters.getByRole("link", { name: "Pedido sin finalizar" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Resolver el pago" })).toBeVisible();
    await expect(page.getByText(/Ver \d+ pedidos? anteriores?/)).toBeVisible();
    await expect(page.getByText("Needs your attention")).toHaveCount(0);
    await expectNoRawApiValues(page);
  });

  test("an order's page speaks Spanish, with money and dates in es-US", async ({ page }) => {
    await page.goto(`/checkouts/${SCENARIOS.paymentFailed}`);
    await expect(page).toHaveTitle(/Su pedido/);
    await expect(page.getByText("Pago no procesado", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Resolver el pago" })).toBeVisible();
    expect(await panelHeadings(page)).toEqual(expect.arrayContaining(["Pagos", "Avance", "Su pedido"]));
    await expect(page.getByText(/El cobro falló \d+ veces\./).first()).toBeVisible();
    // es-US writes the month in Spanish ("nov"), and the time with "p.m." or "a.m.".
    await expect(page.getByText(/Último intento: \d{1,2} [a-z]{3,4}\.? \d{4}/)).toBeVisible();
    await expect(page.getByText("Payment failed")).toHaveCount(0);
    await expectNoRawApiValues(page);

    await page.goto(`/checkouts/${SCENARIOS.unfinished}`);
    await expect(page.getByText("$49.00")).toBeVisible();
    await expect(page.getByRole("link", { name: "Continuar con el pedido" })).toBeVisible();
  });

  test("the live routes answer in the page's language", async ({ page }) => {
    await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
    await expect(page.getByText("Esta página se actualiza sola.")).toBeVisible();
    const view = await (await page.request.get(`/api/checkouts/${SCENARIOS.shippedUps}`)).json();
    expect(view.status.label).toBe("En camino");
    const first = await page.request.get(`/api/checkouts/${SCENARIOS.shippedUps}/fingerprint`);
    const { fingerprint } = await first.json();
    // Asked again in the same language, the unchanged view answers 304: the poller has nothing to do.
    const again = await page.request.get(`/api/checkouts/${SCENARIOS.shippedUps}/fingerprint`, {
      headers: { "If-None-Match": `"${fingerprint}"` },
    });
    expect(again.status()).toBe(304);
    // In English it is another view, so another fingerprint.
    const english = await page.request.get(`/api/checkouts/${SCENARIOS.shippedUps}/fingerprint`, {
      headers: { "Accept-Language": "en-US", "If-None-Match": `"${fingerprint}"` },
    });
    expect(english.status()).toBe(200);
  });
});

/** Every label a status badge can show in Spanish: the situations (headline and card) and the rest (panels). */
function spanishStatusLabels(): { situations: string[]; all: string[] } {
  type Group = Record<string, { label?: string }>;
  const { checkout } = JSON.parse(readFileSync(new URL("../messages/es.json", import.meta.url), "utf8")) as {
    checkout: Record<string, Group>;
  };
  const labels = (group: string) =>
    Object.values(checkout[group] ?? {}).flatMap((status) => (status.label ? [status.label] : []));
  const situations = labels("situation");
  const rest = ["insurance", "recurring", "tracking", "pickup", "return"].flatMap(labels);
  return { situations, all: [...situations, ...rest] };
}

/**
 * The labels that take more than one line in a copy of `badge`, put beside it: the same classes and the
 * same container, so the same width and font as a real one.
 */
async function labelsThatWrap(badge: Locator, labels: readonly string[]): Promise<string[]> {
  return badge.evaluate((source, labels) => {
    const heightOf = (label: string) => {
      const copy = source.cloneNode(true) as HTMLElement;
      const text = copy.querySelector("[dir=auto]");
      if (!text) throw new Error("a badge without its label");
      text.textContent = label;
      source.after(copy);
      const height = text.getBoundingClientRect().height;
      copy.remove();
      return height;
    };
    const oneLine = heightOf("X");
    return labels.filter((label) => heightOf(label) > oneLine * 1.5);
  }, labels);
}

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("every Spanish status badge fits on one line: headline, list card and panel", async ({
    page,
    context,
  }) => {
    const { situations, all } = spanishStatusLabels();
    expect(situations.length).toBeGreaterThan(15);
    await signInContext(context, DEMO_CUSTOMERS.alex.id);

    await page.goto(`/checkouts/${SCENARIOS.unfinished}`);
    const headline = page.locator("main article > header [data-tone]").first();
    // The check can fail: the old headline, 33 characters, wrapped here.
    expect(await labelsThatWrap(headline, ["Retención del depósito por vencer"])).toHaveLength(1);
    expect(await labelsThatWrap(headline, situations), "headline").toEqual([]);
    const panelBadge = page.locator("main section [data-tone]").first();
    await expect(panelBadge).toBeVisible();
    expect(await labelsThatWrap(panelBadge, all), "panel").toEqual([]);

    await page.goto("/checkouts");
    const cardBadge = page.locator("main article [data-tone]").first();
    expect(await labelsThatWrap(cardBadge, situations), "list card").toEqual([]);
  });
});

const alex = DEMO_CUSTOMERS.alex.id;
const header = (page: Page) => page.locator("main article > header");

/** What every page of the journey must be: in Spanish, with no English interface word and no API value. */
async function expectSpanishPage(page: Page, where: string): Promise<void> {
  await expectPageLanguage(page, "es", where);
  expect(await englishUiWordsOn(page), `${where}: English words`).toEqual([]);
  await expectNoRawApiValues(page);
}

/** The order's card on the list, by the link to its page. */
const cardFor = (page: Page, checkoutId: string) =>
  page.locator("main article").filter({ has: page.locator(`a[href="/checkouts/${checkoutId}"]`) });

test.describe("a Spanish-speaking customer, end to end", () => {
  test.use({ locale: "es-US" });

  test("from a Spanish email to one order, through all orders, filters, pages and actions, to signing out", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const checkoutUrls = new Map(
      (await apiCheckoutsOf(page, alex)).map((checkout) => [checkout.id, checkout.checkoutUrl]),
    );

    // An email in Spanish about a failed payment: its link opens that one order.
    await page.goto(await linkFor({ userId: alex, checkoutId: SCENARIOS.paymentFailed, lang: "es" }));
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.paymentFailed}$`));
    await expect(header(page).getByText("Pago no procesado", { exact: true })).toBeVisible();
    await expect(header(page).getByText("Su tarjeta fue rechazada. El cobro falló 3 veces.")).toBeVisible();
    await header(page).getByRole("link", { name: "Resolver el pago" }).click();
    await expect(page).toHaveURL(/#payments$/);
    await expect(page.locator("#payments").getByText("Un pago no se procesó")).toBeVisible();
    await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
    await expectSpanishPage(page, "the order from the email");

    // All orders: the one-order link cannot show them (the page offers no way there, by design), so
    // the list asks for a full sign-in, in Spanish, saying why.
    await page.goto("/checkouts");
    await expect(page).toHaveURL(/\/signin\?/);
    await expect(
      page.getByText("El enlace que usó abre un solo pedido. Para ver todos sus pedidos, inicie sesión."),
    ).toBeVisible();
    await expectSpanishPage(page, "sign-in for all orders");
    await page.getByRole("button", { name: `Iniciar sesión como ${DEMO_CUSTOMERS.alex.name}` }).click();
    await expect(page).toHaveURL(/\/checkouts$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sus pedidos" })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: /^Requieren su atención \(\d+\)$/ }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Mis pedidos" })).toBeVisible();
    await expectSpanishPage(page, "all orders");

    // The filters: only the unfinished checkouts, the chosen filter marked.
    const filters = page.getByRole("navigation", { name: "Filtrar pedidos" });
    await filters.getByRole("link", { name: "Pedido sin finalizar" }).click();
    await expect(page).toHaveURL(/\?filter=unfinished$/);
    await expect(filters.getByRole("link", { name: "Pedido sin finalizar" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(cardFor(page, SCENARIOS.unfinished)).toBeVisible();
    await expect(cardFor(page, SCENARIOS.shippedUps)).toHaveCount(0);
    await expect(page.locator("main article").getByText("Arrendamiento activo", { exact: true })).toHaveCount(
      0,
    );
    await expectSpanishPage(page, "the unfinished filter");

    // An order that needs the customer: its page's one action continues the checkout where it was.
    await cardFor(page, SCENARIOS.unfinished)
      .locator(`a[href="/checkouts/${SCENARIOS.unfinished}"]`)
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.unfinished}$`));
    await expect(header(page).getByText("Pedido sin finalizar", { exact: true })).toBeVisible();
    const continueCheckout = header(page).getByRole("link", { name: "Continuar con el pedido" });
    const checkoutUrl = checkoutUrls.get(SCENARIOS.unfinished);
    expect(checkoutUrl, "the sandbox gives the checkout a URL").toBeTruthy();
    await expect(continueCheckout).toHaveAttribute("href", checkoutUrl ?? "");
    expect(await panelHeadings(page)).toEqual(["Avance", "Pagos", "Seguro", "Su pedido"]);
    await expectSpanishPage(page, "the unfinished order");

    // Back to all orders from the header, and a shipped order: track it, copy its number.
    await page.getByRole("link", { name: "Mis pedidos" }).click();
    await expect(page).toHaveURL(/\/checkouts$/);
    const shipped = cardFor(page, SCENARIOS.shippedUps);
    await expect(shipped.getByRole("link", { name: /Rastrear paquete/ })).toHaveAttribute(
      "href",
      "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    );
    await shipped.locator(`a[href="/checkouts/${SCENARIOS.shippedUps}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/checkouts/${SCENARIOS.shippedUps}$`));
    await expect(header(page).getByText("En camino", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Rastrear paquete en UPS/ })).toHaveAttribute(
      "href",
      "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    );
    await page.getByRole("button", { name: "Copiar número de rastreo" }).click();
    await expect(page.locator("#shipping").getByRole("status")).toHaveText("Copiado");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("1Z999AA10123456784");
    await page.locator("#progress summary").click();
    await expect(page.locator("#progress summary")).toHaveText(/^Ver todos los pasos \(\d+\)$/);
    await expect(page.locator("#progress time").first()).toBeVisible();
    await expect(page.getByText("Esta página se actualiza sola.")).toBeVisible();
    await expectSpanishPage(page, "the shipped order");

    // Signing out lands on the sign-in page, in Spanish.
    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
    await expect(page.getByText("Se cerró su sesión.")).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 1, name: "Inicie sesión para ver sus pedidos" }),
    ).toBeVisible();
    await expectSpanishPage(page, "signed out");

    // A customer with many orders pages through them.
    await page.getByRole("button", { name: `Iniciar sesión como ${DEMO_CUSTOMERS.many.name}` }).click();
    await expect(page).toHaveURL(/\/checkouts$/);
    const pagination = page.getByRole("navigation", { name: "Paginación" });
    await expect(pagination.getByText("Página 1")).toBeVisible();
    await pagination.getByRole("link", { name: "Siguiente" }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(pagination.getByText("Página 2")).toBeVisible();
    await expect(pagination.getByRole("link", { name: "Anterior" })).toBeVisible();
    await expect(page.locator("main article")).toHaveCount(20);
    await expectSpanishPage(page, "page 2");
    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page.getByText("Se cerró su sesión.")).toBeVisible();
    await expectSpanishPage(page, "signed out again");

    // The English-words check can fail: the same page in English shows them.
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expectPageLanguage(page, "en");
    expect(await englishUiWordsOn(page)).not.toEqual([]);
  });
});

test.describe("the live update, in Spanish", () => {
  test.afterEach(async ({ request }) => {
    // The test moves a checkout on: put the sandbox back as it was.
    await sandboxControl(request).reset();
  });

  test("a change in the API appears without a reload, in Spanish words", async ({
    page,
    context,
    request,
  }) => {
    await signInContext(context, alex);
    await page.clock.install();
    await page.goto(`/checkouts/${SCENARIOS.orderConfirmed}`);
    await expect(header(page).getByText("Pedido confirmado", { exact: true })).toBeVisible();
    // Its refreshing runs only after hydration: moving the clock on before would skip a timer not yet set.
    await expect(page.getByText("Esta página se actualiza sola.")).toBeVisible();

    await sandboxControl(request).advance(SCENARIOS.orderConfirmed);
    await page.clock.fastForward(31_000);

    await expect(header(page).getByText("En camino", { exact: true })).toBeVisible();
    expect(await panelHeadings(page)).toContain("Envío");
    await expect(page.locator('#progress li[aria-current="step"]')).toContainText("Enviado");
    await expectSpanishPage(page, "after the live update");
  });
});

/*
 * A customer whose browser prefers English but whose email was Spanish reads the one order in Spanish
 * (the link's `lang`, kept in its session); signing in for all orders starts a new session, which
 * keeps that language, so the list does not turn English halfway through.
 */
test.describe("a Spanish email read in an English browser", () => {
  test.use({ locale: "en-US", extraHTTPHeaders: {} });

  test("stays in Spanish after signing in for all orders", async ({ page }) => {
    await page.goto(await linkFor({ userId: alex, checkoutId: SCENARIOS.paymentFailed, lang: "es" }));
    await expectPageLanguage(page, "es");
    await page.goto("/checkouts");
    await expectPageLanguage(page, "es", "the sign-in page");
    await page.getByRole("button", { name: `Iniciar sesión como ${DEMO_CUSTOMERS.alex.name}` }).click();
    await expect(page).toHaveURL(/\/checkouts$/);
    await expectPageLanguage(page, "es", "all orders after signing in");
  });
});
