import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { watchForTrouble } from "./support/pages";

/**
 * Dates are rendered on the server; on a first visit it cannot know the browser's zone, so it writes
 * instants in UTC and says so, and an inline script right after the content (app/LocalTimes.tsx)
 * rewrites them into the browser's zone before the first paint and stores the zone in a cookie.
 * One document, no second server render, no hydration mismatch; later pages are rendered in the
 * customer's zone straight away.
 */

const ZONE = "America/Los_Angeles";

test.use({ timezoneId: ZONE, locale: "en-US" });

/** How the page should write an instant in Los Angeles (ICU may use a narrow no-break space). */
/** How the page writes an instant in Los Angeles: with its time, or (`data-instant="date"`) the day only. */
function inLosAngeles(iso: string, kind: string | null = "datetime"): string {
  const time = kind === "date" ? {} : { timeStyle: "short" as const };
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", ...time, timeZone: ZONE })
    .format(new Date(iso))
    .replace(/\u202f/g, " ");
}

const plain = (text: string) => text.replace(/\u202f/g, " ").trim();

/** Document loads and server re-renders (router.refresh asks for an RSC payload; prefetches say so). */
function serverRenders(page: Page): { documents: string[]; refreshes: string[] } {
  const seen = { documents: [] as string[], refreshes: [] as string[] };
  page.on("request", (request) => {
    const headers = request.headers();
    if (request.resourceType() === "document") seen.documents.push(request.url());
    else if (headers.rsc === "1" && !headers["next-router-prefetch"]) seen.refreshes.push(request.url());
  });
  return seen;
}

test("a first visit shows the customer's zone at first paint, with one render and no hydration errors", async ({
  page,
  context,
}) => {
  const trouble = watchForTrouble(page);
  await signInContext(context, DEMO_CUSTOMERS.alex.id);
  // What the shipping date says when the document is parsed, before any of the page's JavaScript
  // bundles (React included) could have changed it.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const time = document.querySelector("#shipping time");
      document.documentElement.dataset.parsedShippedText = time?.textContent ?? "";
    });
  });
  const renders = serverRenders(page);
  const response = await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
  // The server could not know the zone: its text says UTC (what a browser without JavaScript shows).
  expect(await response?.text()).toMatch(/\d{1,2}:\d{2}\s?[AP]M UTC/);

  const shipped = page.locator("#shipping time").first();
  const iso = (await shipped.getAttribute("datetime")) ?? "";
  const atParse = await page.locator("html").getAttribute("data-parsed-shipped-text");
  expect(plain(atParse ?? ""), "in the zone from the start").toBe(inLosAngeles(iso));
  await expect(page.getByRole("button", { name: "Copy tracking number" })).toBeVisible(); // hydrated
  expect(plain(await shipped.innerText())).toBe(inLosAngeles(iso));
  const cookie = (await context.cookies()).find((candidate) => candidate.name === "tz");
  expect(decodeURIComponent(cookie?.value ?? "")).toBe(ZONE);
  await page.evaluate(() => fetch("/api/health").then((answer) => answer.status));
  expect(renders.documents, "one document").toHaveLength(1);
  expect(renders.refreshes, "no second server render").toEqual([]);

  // From now on the server renders in the customer's zone straight away, list and detail alike.
  const documents: string[] = [];
  page.on("response", async (answer) => {
    if (answer.request().resourceType() === "document") documents.push(await answer.text());
  });
  await page.goto("/checkouts");
  const listed = page.locator("main li > article time[datetime*='T']").first();
  expect(plain(await listed.innerText())).toBe(
    inLosAngeles((await listed.getAttribute("datetime")) ?? "", await listed.getAttribute("data-instant")),
  );
  await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
  expect(plain(await shipped.innerText())).toBe(inLosAngeles(iso));
  expect(documents.join("")).not.toMatch(/\d{1,2}:\d{2}\s?[AP]M UTC/);

  expect(
    trouble.errors.filter((error) => /hydrat|did not match|mismatch|#418|#423|#425/i.test(error)),
  ).toEqual([]);
  expect(trouble.errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("times are labelled with the zone they are written in", async ({ page, context }) => {
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
    await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
    const shipped = page.locator("#shipping time[data-instant='datetime']").first();
    await expect(shipped).toContainText("UTC");
  });
});
