import { expect, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { watchForTrouble } from "./support/pages";

/**
 * Dates are rendered on the server; the browser tells it its time zone once (a cookie, set by
 * app/TimeZoneSync.tsx), after which every page shows times in the customer's zone, with no
 * hydration mismatch on the way.
 */

const ZONE = "America/Los_Angeles";

test.use({ timezoneId: ZONE, locale: "en-US" });

/** How the page should write an instant in Los Angeles (ICU may use a narrow no-break space). */
function inLosAngeles(iso: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: ZONE })
    .format(new Date(iso))
    .replace(/\u202f/g, " ");
}

const plain = (text: string) => text.replace(/\u202f/g, " ").trim();

test("times follow the customer's zone after the first visit, without hydration errors", async ({
  page,
  context,
}) => {
  const trouble = watchForTrouble(page);
  await signInContext(context, DEMO_CUSTOMERS.alex.id);
  await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);

  // The first render cannot know the zone: it says UTC, then the page refreshes itself once.
  const shipped = page.locator("#shipping time").first();
  await expect(shipped).not.toContainText("UTC");
  const iso = (await shipped.getAttribute("datetime")) ?? "";
  expect(plain(await shipped.innerText())).toBe(inLosAngeles(iso));
  const cookie = (await context.cookies()).find((candidate) => candidate.name === "tz");
  expect(decodeURIComponent(cookie?.value ?? "")).toBe(ZONE);

  // From now on the server renders in the customer's zone straight away, list and detail alike.
  const documents: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "document") documents.push(await response.text());
  });
  await page.goto("/checkouts");
  const listed = page.locator("main li > article time[datetime*='T']").first();
  expect(plain(await listed.innerText())).toBe(inLosAngeles((await listed.getAttribute("datetime")) ?? ""));
  await page.goto(`/checkouts/${SCENARIOS.shippedUps}`);
  expect(plain(await shipped.innerText())).toBe(inLosAngeles(iso));
  expect(documents.join("")).not.toMatch(/\d{1,2}:\d{2}\s?[AP]M UTC/);

  expect(
    trouble.errors.filter((error) => /hydrat|did not match|mismatch|#418|#423|#425/i.test(error)),
  ).toEqual([]);
  expect(trouble.errors).toEqual([]);
});
