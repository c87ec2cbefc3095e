import { expect, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { axeViolations } from "./support/axe";
import { expectNoRawApiValues, panelHeadings } from "./support/pages";

/**
 * The orders' pages for a customer whose browser prefers Spanish: the list and an order's page speak
 * Spanish (headlines, actions, panels, money and dates in es-US), pass axe, and the live routes answer
 * in the page's language.
 */

test.use({ locale: "es-MX", extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" }, timezoneId: "UTC" });

test.beforeEach(async ({ context }) => {
  await signInContext(context, DEMO_CUSTOMERS.alex.id);
});

test("the list of orders speaks Spanish and passes axe", async ({ page }) => {
  await page.goto("/checkouts");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Sus pedidos" })).toBeVisible();
  await expect(page).toHaveTitle(/Sus pedidos/);
  await expect(page.getByRole("heading", { level: 2, name: /Requieren su atención/ })).toBeVisible();
  const filters = page.getByRole("navigation", { name: "Filtrar pedidos" });
  await expect(filters.getByRole("link", { name: "Todos" })).toHaveAttribute("aria-current", "page");
  await expect(filters.getByRole("link", { name: "Compra sin finalizar" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Resolver el pago" })).toBeVisible();
  await expect(page.getByText(/Ver \d+ pedidos? anteriores?/)).toBeVisible();
  await expect(page.getByText("Needs your attention")).toHaveCount(0);
  await expectNoRawApiValues(page);
  expect(await axeViolations(page)).toEqual([]);
});

test("an order's page speaks Spanish, with money and dates in es-US, and passes axe", async ({ page }) => {
  await page.goto(`/checkouts/${SCENARIOS.paymentFailed}`);
  await expect(page).toHaveTitle(/Su pedido/);
  await expect(page.getByText("Pago no procesado", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Resolver el pago" })).toBeVisible();
  expect(await panelHeadings(page)).toEqual(expect.arrayContaining(["Pagos", "Avance", "Su pedido"]));
  await expect(page.getByText(/Falló \d+ veces\./).first()).toBeVisible();
  // es-US writes the month in Spanish ("nov"), and the time with "p.m." or "a.m.".
  await expect(page.getByText(/Último intento: \d{1,2} [a-z]{3,4}\.? \d{4}/)).toBeVisible();
  await expect(page.getByText("Payment failed")).toHaveCount(0);
  await expectNoRawApiValues(page);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`/checkouts/${SCENARIOS.unfinished}`);
  await expect(page.getByText("$49.00")).toBeVisible();
  await expect(page.getByRole("link", { name: "Continuar la compra" })).toBeVisible();
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
