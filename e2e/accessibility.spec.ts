import { expect, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext, signInWithoutSavedViews } from "./support/auth";
import { axeViolations } from "./support/axe";
import { sandboxControl } from "./support/sandbox";

/**
 * axe (WCAG 2.2 A and AA) on every page and state, in light and dark; and touch targets of at least
 * 44 × 44 px for every standalone link and button on a 360 px phone.
 */

const MIN_TARGET_PX = 44;

const alexCheckouts = Object.entries(SCENARIOS)
  .filter(([, id]) => id.startsWith("chk_alex"))
  .map(([, id]) => id);
const hostileCheckouts = Object.entries(SCENARIOS)
  .filter(([name]) => name.startsWith("hostile"))
  .map(([, id]) => id);

/** Loads each path and runs axe in both colour schemes; returns every violation found. */
async function auditPaths(page: Page, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    found.push(...(await axeViolations(page)));
  }
  return found;
}

test.describe("axe finds nothing", () => {
  // Each test audits many pages twice over; the suite's 30 s is per page, not per dozen.
  test.describe.configure({ timeout: 120_000 });

  test("on the sign-in page", async ({ page }) => {
    expect(await auditPaths(page, ["/signin", "/signin?reason=account&callbackUrl=%2Fcheckouts"])).toEqual(
      [],
    );
  });

  test("on the list in every filter, paged, past the end and empty", async ({ page, context }) => {
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
    const alex = ["", "?filter=unfinished", "?filter=confirmed", "?filter=leaseActive"];
    const found = await auditPaths(
      page,
      alex.map((query) => `/checkouts${query}`),
    );
    await signInContext(context, DEMO_CUSTOMERS.many.id);
    found.push(...(await auditPaths(page, ["/checkouts?page=2", "/checkouts?page=99"])));
    await signInContext(context, DEMO_CUSTOMERS.blair.id);
    found.push(...(await auditPaths(page, ["/checkouts?filter=confirmed"])));
    await signInContext(context, DEMO_CUSTOMERS.empty.id);
    found.push(...(await auditPaths(page, ["/checkouts"])));
    expect(found).toEqual([]);
  });

  test("on every one of Alex's checkouts", async ({ page, context }) => {
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
    expect(
      await auditPaths(
        page,
        alexCheckouts.map((id) => `/checkouts/${id}`),
      ),
    ).toEqual([]);
  });

  test("on every hostile checkout and the hostile list", async ({ page, context }) => {
    await signInContext(context, DEMO_CUSTOMERS.hostile.id);
    const paths = ["/checkouts", ...hostileCheckouts.map((id) => `/checkouts/${id}`)];
    expect(await auditPaths(page, paths)).toEqual([]);
  });

  test("on the not-found and the error page", async ({ page, context, request }) => {
    // Without saved views: with them, an outage shows the last known good page instead of the error.
    await signInWithoutSavedViews(context, DEMO_CUSTOMERS.alex.id);
    const found = await auditPaths(page, [`/checkouts/${SCENARIOS.blairShipped}`, "/no-such-page"]);
    await sandboxControl(request).addFault({ status: 503, path: "/v1/" });
    try {
      found.push(...(await auditPaths(page, [`/checkouts/${SCENARIOS.shippedUps}`])));
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    } finally {
      await sandboxControl(request).clearFaults();
    }
    expect(found).toEqual([]);
  });
});

test.describe("touch targets on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  /**
   * Links and buttons that stand on their own, each at least 44 × 44 px. Links inside running text
   * (display: inline) are exempt, as WCAG allows; so is the skip link until it is focused.
   */
  async function smallTargets(page: Page): Promise<string[]> {
    return page.evaluate((min) => {
      const small: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>("a[href], button")) {
        const style = getComputedStyle(element);
        if (style.display === "inline" || style.visibility === "hidden") continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.bottom < 0) continue;
        if (box.width < min || box.height < min) {
          small.push(
            `${element.tagName.toLowerCase()} "${element.innerText.trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
        }
      }
      return small;
    }, MIN_TARGET_PX);
  }

  test("on the lists and the checkouts' pages", async ({ page, context }) => {
    const found: string[] = [];
    await signInContext(context, DEMO_CUSTOMERS.alex.id);
    for (const path of [
      "/checkouts",
      `/checkouts/${SCENARIOS.unfinished}`,
      `/checkouts/${SCENARIOS.shippedUps}`,
      `/checkouts/${SCENARIOS.paymentFailed}`,
      `/checkouts/${SCENARIOS.returnInitiated}`,
      "/checkouts/chk_doesnotexist00",
    ]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      found.push(...(await smallTargets(page)).map((target) => `${path}: ${target}`));
    }
    await signInContext(context, DEMO_CUSTOMERS.many.id);
    for (const path of ["/checkouts?page=2", "/checkouts?page=99"]) {
      await page.goto(path);
      found.push(...(await smallTargets(page)).map((target) => `${path}: ${target}`));
    }
    // The check measures something: the list has buttons and links to measure.
    expect(await page.locator("main a[href]").count()).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });
});
