import { expect, type Page, test } from "@playwright/test";
import type { Locale } from "../lib/i18n/locales";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext, signInWithoutSavedViews } from "./support/auth";
import { axeViolations, type ColorScheme } from "./support/axe";
import { englishUiWordsOn, LANGUAGES, wordsIn } from "./support/languages";
import { sandboxControl } from "./support/sandbox";

/**
 * axe (WCAG 2.2 A and AA) on every page and state, in light and dark, in English and in Spanish; and
 * on the same pages, touch targets of at least 44 × 44 px for every standalone link and button on a
 * 360 px phone, in both languages.
 */

// Its tests share nothing but their world (each worker has its own): they may run on either worker,
// so the longest file does not hold one worker while the other has run out of files.
test.describe.configure({ mode: "parallel" });

const MIN_TARGET_PX = 44;
const DESKTOP = { width: 1280, height: 720 } as const;
const PHONE = { width: 360, height: 780 } as const;

const alexCheckouts = Object.entries(SCENARIOS)
  .filter(([, id]) => id.startsWith("chk_alex"))
  .map(([, id]) => id);
const hostileCheckouts = Object.entries(SCENARIOS)
  .filter(([name]) => name.startsWith("hostile"))
  .map(([, id]) => id);

/*
 * Every page in both languages, but Spanish in one colour scheme, to keep CI well under its 15
 * minutes: the colours do not change with the language, so dark mode in Spanish would find what it
 * finds in English, for about 40 s more; what the language changes (lang attributes, accessible
 * names, longer words wrapping) shows in either scheme.
 */
const SCHEMES: Readonly<Record<Locale, readonly ColorScheme[]>> = { en: ["light", "dark"], es: ["light"] };

/**
 * Links and buttons that stand on their own and are smaller than 44 × 44 px, and how many were
 * measured. Links inside running text (display: inline) are exempt, as WCAG allows; so is the skip
 * link until it is focused.
 */
async function smallTargets(page: Page): Promise<{ small: string[]; measured: number }> {
  return page.evaluate((min) => {
    const small: string[] = [];
    let measured = 0;
    for (const element of document.querySelectorAll<HTMLElement>("a[href], button")) {
      const style = getComputedStyle(element);
      if (style.display === "inline" || style.visibility === "hidden") continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0) continue;
      measured += 1;
      if (box.width < min || box.height < min) {
        small.push(
          `${element.tagName.toLowerCase()} "${element.innerText.trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return { small, measured };
  }, MIN_TARGET_PX);
}

/**
 * Loads each path and runs axe in the language's colour schemes, then narrows the same page to a
 * 360 px phone and measures its touch targets; returns every violation found, and for a language other
 * than English also a page not in it (<html lang>, English interface words), so the audit is known to
 * have looked at the page the customer reads. The page is read once it has loaded (its scripts have
 * run): it is rendered on the server, and hydration does not change what axe looks at; `ready` waits
 * for what a page shows only once its scripts run.
 */
async function auditPaths(
  page: Page,
  locale: Locale,
  paths: readonly string[],
  ready?: (page: Page) => Promise<void>,
): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    // A page whose server HTML is an empty shell (Next's notFound() from a dynamic render) gets its
    // content from its scripts: wait for the content, not for a quiet network.
    await page.locator("main").waitFor();
    await ready?.(page);
    const lang = await page.locator("html").getAttribute("lang");
    if (lang !== locale) found.push(`${path}: <html lang="${lang}">, not "${locale}"`);
    if (locale !== "en") {
      found.push(...(await englishUiWordsOn(page)).map((english) => `${path}: English "${english}"`));
    }
    found.push(...(await axeViolations(page, SCHEMES[locale])));
    await page.setViewportSize(PHONE);
    const targets = await smallTargets(page);
    // Every page has the site's header links at least: none measured means the check looked at nothing.
    if (targets.measured === 0) found.push(`${path} at 360 px: no link or button to measure`);
    found.push(...targets.small.map((target) => `${path} at 360 px: ${target}`));
  }
  return found;
}

for (const { locale, browserLocale } of LANGUAGES) {
  test.describe(`axe finds nothing (${locale})`, () => {
    // Each test audits many pages twice over; the suite's 30 s is per page, not per dozen.
    test.describe.configure({ timeout: 120_000 });
    test.use({ locale: browserLocale });

    test("on the sign-in page", async ({ page }) => {
      expect(
        await auditPaths(page, locale, ["/signin", "/signin?reason=account&callbackUrl=%2Fcheckouts"]),
      ).toEqual([]);
    });

    test("on the list in every filter, paged, past the end and empty", async ({ page, context }) => {
      await signInContext(context, DEMO_CUSTOMERS.alex.id);
      const alex = ["", "?filter=unfinished", "?filter=confirmed", "?filter=leaseActive"];
      const found = await auditPaths(
        page,
        locale,
        alex.map((query) => `/checkouts${query}`),
      );
      await signInContext(context, DEMO_CUSTOMERS.many.id);
      found.push(...(await auditPaths(page, locale, ["/checkouts?page=2", "/checkouts?page=99"])));
      await signInContext(context, DEMO_CUSTOMERS.blair.id);
      found.push(...(await auditPaths(page, locale, ["/checkouts?filter=confirmed"])));
      await signInContext(context, DEMO_CUSTOMERS.empty.id);
      found.push(...(await auditPaths(page, locale, ["/checkouts"])));
      expect(found).toEqual([]);
    });

    test("on every one of Alex's checkouts", async ({ page, context }) => {
      await signInContext(context, DEMO_CUSTOMERS.alex.id);
      expect(
        await auditPaths(
          page,
          locale,
          alexCheckouts.map((id) => `/checkouts/${id}`),
        ),
      ).toEqual([]);
    });

    test("on every hostile checkout and the hostile list", async ({ page, context }) => {
      await signInContext(context, DEMO_CUSTOMERS.hostile.id);
      const paths = ["/checkouts", ...hostileCheckouts.map((id) => `/checkouts/${id}`)];
      expect(await auditPaths(page, locale, paths)).toEqual([]);
    });

    test("on the not-found and the error page", async ({ page, context, request }) => {
      // Without saved views: with them, an outage shows the last known good page instead of the error.
      await signInWithoutSavedViews(context, DEMO_CUSTOMERS.alex.id);
      const found = await auditPaths(page, locale, [`/checkouts/${SCENARIOS.blairShipped}`, "/no-such-page"]);
      await sandboxControl(request).addFault({ status: 503, path: "/v1/" });
      try {
        const retry = (errorPage: Page) =>
          expect(
            errorPage.getByRole("button", { name: wordsIn(locale)("site.checkoutsError.retry") }),
          ).toBeVisible();
        found.push(...(await auditPaths(page, locale, [`/checkouts/${SCENARIOS.shippedUps}`], retry)));
      } finally {
        await sandboxControl(request).clearFaults();
      }
      expect(found).toEqual([]);
    });
  });
}
