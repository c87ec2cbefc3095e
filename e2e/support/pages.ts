import { expect, type Page } from "@playwright/test";
import { ENUM_SHAPED, RAW_API_VALUES } from "../../test-support/raw-api-values";
import { E2E_SANDBOX_URL, E2E_SECRETS } from "./environment";

/**
 * Helpers shared by the page journeys: reading what the customer sees, and reading the sandbox's
 * data the way the portal's server does.
 */

/** Fails when the visible text of the page shows an API value instead of words. */
export async function expectNoRawApiValues(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  for (const value of RAW_API_VALUES) {
    expect(text, `"${value}" is visible on ${page.url()}`).not.toContain(value);
  }
  expect(text.match(ENUM_SHAPED) ?? [], `enum-shaped words on ${page.url()}`).toEqual([]);
}

/** The h2 headings of the page's main content, in order: which panels a checkout shows. */
export async function panelHeadings(page: Page): Promise<string[]> {
  return page.locator("main h2").allInnerTexts();
}

export type ApiCheckout = {
  id: string;
  createdAt: string | null;
  lifecycle: string | null;
  checkoutUrl: string | null;
};

/** A customer's checkouts straight from the sandbox, with the server's key (what the portal reads). */
export async function apiCheckoutsOf(page: Page, userId: string): Promise<ApiCheckout[]> {
  const response = await page.request.get(`${E2E_SANDBOX_URL}/v1/checkouts?userId=${userId}&limit=100`, {
    headers: { Authorization: `Bearer ${E2E_SECRETS.SWEETSPOT_API_KEY}` },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()) as ApiCheckout[];
}

/** True when the page is wider than its viewport (the customer would have to scroll sideways). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth > root.clientWidth;
  });
}

/** Collects what would show that something ran or broke in the page: dialogs, errors, console errors. */
export function watchForTrouble(page: Page): { dialogs: string[]; errors: string[] } {
  const trouble = { dialogs: [] as string[], errors: [] as string[] };
  page.on("dialog", async (dialog) => {
    trouble.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => trouble.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") trouble.errors.push(`console: ${message.text()}`);
  });
  return trouble;
}
