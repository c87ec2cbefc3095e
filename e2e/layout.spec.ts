import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInContext } from "./support/auth";
import { overflowsHorizontally } from "./support/pages";

/**
 * The list and the main checkout states on a 360 px phone and a 1280 px desktop: nothing scrolls
 * sideways, and where the order stands and what to do about it are on the first screen. The pictures
 * for people to look at come from `npm run screenshots` (scripts/screenshots.ts): every demo page at
 * both sizes, with a contact sheet.
 */

const VIEWPORTS = [
  { name: "phone", width: 360, height: 740 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

type Shot = {
  name: string;
  userId: string;
  path: string;
  /** What must be on the first screen, without scrolling. */
  firstScreen: (page: Page) => Locator[];
};

const header = (page: Page) => page.locator("main article > header");

const SHOTS: Shot[] = [
  {
    name: "list",
    userId: DEMO_CUSTOMERS.alex.id,
    path: "/checkouts",
    firstScreen: (page) => [
      page.getByRole("heading", { level: 1, name: "Your orders" }),
      // What needs the customer comes first.
      page.getByRole("heading", { level: 2, name: /Needs your attention/ }),
      page.locator("main article").first().getByRole("link").last(),
    ],
  },
  {
    name: "list-empty",
    userId: DEMO_CUSTOMERS.empty.id,
    path: "/checkouts",
    firstScreen: (page) => [page.getByRole("heading", { name: "No orders yet" })],
  },
  {
    name: "detail-unfinished",
    userId: DEMO_CUSTOMERS.alex.id,
    path: `/checkouts/${SCENARIOS.unfinished}`,
    firstScreen: (page) => [
      header(page).getByText("Checkout not finished"),
      page.getByRole("link", { name: "Continue checkout" }),
    ],
  },
  {
    name: "detail-shipped",
    userId: DEMO_CUSTOMERS.alex.id,
    path: `/checkouts/${SCENARIOS.shippedUps}`,
    firstScreen: (page) => [
      header(page).getByText("On its way"),
      page.getByRole("link", { name: /Track package/ }),
    ],
  },
  {
    name: "detail-payment-failed",
    userId: DEMO_CUSTOMERS.alex.id,
    path: `/checkouts/${SCENARIOS.paymentFailed}`,
    firstScreen: (page) => [
      header(page).getByText("Payment failed"),
      page.getByRole("link", { name: "Fix payment" }),
      page.getByText("Your card was declined.").first(),
    ],
  },
  {
    name: "detail-waitlisted-location",
    userId: DEMO_CUSTOMERS.alex.id,
    path: `/checkouts/${SCENARIOS.waitlistedLocation}`,
    firstScreen: (page) => [header(page).getByText("Not available in your area yet")],
  },
  {
    name: "detail-return-started",
    userId: DEMO_CUSTOMERS.alex.id,
    path: `/checkouts/${SCENARIOS.returnInitiated}`,
    firstScreen: (page) => [
      header(page).getByText("Return in progress"),
      page.getByRole("link", { name: "See return" }),
    ],
  },
  {
    name: "detail-long-text",
    userId: DEMO_CUSTOMERS.hostile.id,
    path: `/checkouts/${SCENARIOS.hostileLongText}`,
    firstScreen: (page) => [header(page).getByText("Return in progress")],
  },
];

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} (${viewport.width} px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("the list and the main states fit, with what matters on the first screen", async ({
      page,
      context,
    }) => {
      let signedInAs = "";
      for (const shot of SHOTS) {
        if (shot.userId !== signedInAs) {
          await signInContext(context, shot.userId);
          signedInAs = shot.userId;
        }
        await page.goto(shot.path);
        for (const locator of shot.firstScreen(page)) {
          await expect(locator, `${shot.name}: on the first screen`).toBeInViewport();
        }
        expect(await overflowsHorizontally(page), `${shot.name} scrolls sideways`).toBe(false);
      }
    });
  });
}
