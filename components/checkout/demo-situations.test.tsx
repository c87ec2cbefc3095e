import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { alexCheckouts } from "@/sandbox/demo-checkouts";
import { SCENARIOS } from "@/sandbox/scenarios";
import { DEMO_CLOCK, DEMO_DATES, DEMO_SUPPORT, demoView, readByThePortal } from "@/test-support/demo-views";
import {
  accessibleNameOf,
  byId,
  findAll,
  hasAttribute,
  isTag,
  type MarkupElement,
  parseMarkup,
  textOf,
  visibleTextOf,
  withExactText,
  wordsOf,
} from "@/test-support/markup";
import { rawApiValuesIn } from "@/test-support/raw-api-values";
import { CheckoutDetail } from "./CheckoutDetail";

/*
 * One checkout page per sandbox situation (Alex Rivera has one of each): the panels it shows, the one
 * action it offers and the words that explain it. The sandbox's own records go through the portal's
 * whole pipeline (the API's projection, our schemas, the situation table, the view model) and are
 * rendered by the page's component on the server, as the page does: what a browser would add is only
 * the transport, which e2e/checkout-detail.spec.ts still walks for two whole journeys.
 * Panels are named by their h2 headings.
 */

type Action =
  | { kind: "continue"; href: string }
  | { kind: "track"; carrier: string; href: string }
  | { kind: "hint"; label: "Fix payment" | "See return"; href: string }
  | { kind: "none" };

/** One rendered page: its main content, the situation block above the panels, and helpers to read them. */
type Page = {
  main: MarkupElement;
  /** The situation block (`main article > header`): headline, meaning, key fact, the one action. */
  header: MarkupElement;
  /** The element with this id (a panel: #payments, #returns…). */
  panel: (id: string) => MarkupElement;
};

type Situation = {
  scenario: keyof typeof SCENARIOS;
  status: string;
  panels: string[];
  action: Action;
  /** Text the page must show (words, dates' neighbours, amounts). */
  shows?: (string | RegExp)[];
  /** Extra checks for what only this situation has. */
  check?: (page: Page) => void;
};

const CHECKOUT_URL = (id: string) => `https://checkout.thesweetspot.example/c/${id}`;
const TRACKING_PAGES: Record<string, (number: string) => string> = {
  UPS: (number) => `https://www.ups.com/track?tracknum=${encodeURIComponent(number)}`,
  FedEx: (number) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(number)}`,
  USPS: (number) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(number)}`,
  DHL: (number) => `https://www.dhl.com/us-en/home/tracking.html?tracking-id=${encodeURIComponent(number)}`,
};

const shipped = (carrier: string, number: string): Action => ({
  kind: "track",
  carrier,
  href: TRACKING_PAGES[carrier]?.(number) ?? "",
});

/** How many times `pattern` occurs in `text`. */
const occurrences = (text: string, pattern: string): number => text.split(pattern).length - 1;

// Headlines and panel order come from the situation table (lib/checkout/situation.ts): a problem's own
// panel leads (payments, shipping), as does what matters most in that situation (lease, return).
const SITUATIONS: Situation[] = [
  {
    scenario: "unfinished",
    status: "Checkout not finished",
    // The button is the situation's action, above the panels.
    panels: ["Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "continue", href: CHECKOUT_URL(SCENARIOS.unfinished) },
    shows: ["Delivery fee", "$49.00", "Insurance under review", "SHOP-10519"],
    check: ({ main }) => {
      // No deposit hold, nothing to warn about.
      expect(textOf(main)).not.toMatch(/hold on your (card|deposit)/i);
    },
  },
  {
    scenario: "depositPending",
    status: "Deposit hold expiring",
    panels: ["Payments", "Progress", "Insurance", "Your order"],
    action: { kind: "continue", href: CHECKOUT_URL(SCENARIOS.depositPending) },
    shows: ["held on your card but not charged yet"],
    check: ({ main, header, panel }) => {
      // The hold lapses in 36 hours: inside the 72-hour warning window. The moment it lapses is the key
      // fact beside the button that resolves it; the payments panel keeps it as one plain line.
      const keyFacts = findAll(header, hasAttribute("data-key-fact"));
      expect(keyFacts).toHaveLength(1);
      const [keyFact] = keyFacts as [MarkupElement];
      expect(textOf(keyFact)).toMatch(/^Hold on your card ends .+/);
      expect(findAll(keyFact, isTag("time"))).toHaveLength(1);
      expect(visibleTextOf(panel("payments"))).toMatch(/The hold ends on .+/);
      expect(findAll(panel("payments"), isTag("time"))).toHaveLength(1);
      // Said once (the headline's meaning), not as a second warning.
      expect(occurrences(textOf(main), "expires soon")).toBe(1);
    },
  },
  {
    scenario: "waitlistedInventory",
    status: "Waiting for stock",
    panels: ["Waitlist", "Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: ["Waiting for stock", "out of stock right now"],
  },
  {
    scenario: "waitlistedLocation",
    status: "Not available in your area yet",
    panels: ["Waitlist", "Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: [
      "Not available in your area yet",
      // locationMessage "service_area_expansion_pending", in words.
      "We're expanding into your area and will confirm your order as soon as service starts there.",
      "14 Tundra Way",
      "Nome, AK 99762",
    ],
  },
  {
    scenario: "orderConfirmed",
    status: "Order confirmed",
    panels: ["Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: ["White-glove assembly", "$120.00", "SHOP-10433", "Walnut dining chair"],
  },
  {
    scenario: "shippedUps",
    status: "On its way",
    panels: ["Progress", "Shipping", "Payments", "Insurance", "Your order"],
    action: shipped("UPS", "1Z999AA10123456784"),
    shows: ["In transit", "1Z999AA10123456784"],
  },
  {
    scenario: "shippedFedex",
    status: "Out for delivery",
    panels: ["Shipping", "Progress", "Payments", "Insurance", "Your order"],
    action: shipped("FedEx", "449044304137821"),
    shows: ["Out for delivery"],
  },
  {
    scenario: "shippedUsps",
    status: "On its way",
    panels: ["Progress", "Shipping", "Payments", "Insurance", "Your order"],
    action: shipped("USPS", "9400111899223197428490"),
    shows: ["Label created"],
  },
  {
    scenario: "shippedDhl",
    status: "Delivery problem",
    panels: ["Shipping", "Progress", "Payments", "Insurance", "Your order"],
    action: shipped("DHL", "3318810025"),
    shows: ["Delivery problem"],
  },
  {
    scenario: "readyForPickup",
    status: "Ready for pickup",
    panels: ["Pickup", "Progress", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: ["Your order is ready to collect."],
  },
  {
    scenario: "delivered",
    status: "Delivered",
    panels: ["Progress", "Shipping", "Payments", "Insurance", "Your order"],
    action: { kind: "none" },
    shows: ["Signed for by", "A. Rivera", "SHOP-10120"],
  },
  {
    scenario: "paymentFailed",
    status: "Payment failed",
    panels: ["Payments", "Progress", "Shipping", "Lease & insurance", "Your order"],
    action: { kind: "hint", label: "Fix payment", href: "#payments" },
    shows: ["12 months"],
    check: ({ main, panel }) => {
      const problem = panel("payments");
      const headings = findAll(problem, isTag("h1", "h2", "h3", "h4", "h5", "h6")).map(accessibleNameOf);
      expect(headings).toContain("A payment didn't go through");
      const words = visibleTextOf(problem);
      expect(words).toContain("Your card was declined.");
      expect(words).toMatch(/Failed 3 times\./);
      expect(words).toMatch(/Last tried .+\./);
      expect(words).toMatch(/Contact your bank to find out why/);
      // The API's own operator-facing text is not echoed.
      expect(textOf(main)).not.toContain("Please update your payment method");
      // "Automatic payments on" under a failed payment would read as all being well.
      expect(textOf(main)).not.toContain("Automatic payments on");
    },
  },
  {
    scenario: "leaseActive",
    status: "Lease active",
    panels: ["Lease & insurance", "Progress", "Shipping", "Payments", "Your order"],
    action: { kind: "none" },
    shows: ["24 months", "Front desk", "SHOP-09871"],
    check: ({ panel }) => {
      const lease = panel("lease");
      expect(visibleTextOf(lease)).toContain("Starts");
      expect(visibleTextOf(lease)).toContain("Ends");
      expect(findAll(lease, isTag("time"))).toHaveLength(2);
      expect(visibleTextOf(lease)).toContain("Insurance approved");
    },
  },
  {
    scenario: "returnInitiated",
    status: "Return in progress",
    panels: ["Return", "Progress", "Shipping", "Payments", "Lease & insurance", "Your order"],
    action: { kind: "hint", label: "See return", href: "#returns" },
    shows: ["Too large for the apartment", "the building has a freight elevator"],
    check: ({ panel }) => {
      expect(withExactText(panel("returns"), "Started").length).toBeGreaterThan(0);
      expect(findAll(panel("returns"), isTag("time"))).toHaveLength(1);
    },
  },
  {
    scenario: "returnCancelled",
    status: "Lease active",
    panels: ["Lease & insurance", "Progress", "Shipping", "Return", "Payments", "Your order"],
    action: { kind: "none" },
    shows: ["Return cancelled", "Changed my mind about the colour", "Keeping it after all."],
    check: ({ panel }) => {
      expect(withExactText(panel("returns"), "Cancelled").length).toBeGreaterThan(0);
      expect(findAll(panel("returns"), isTag("time"))).toHaveLength(2);
    },
  },
  {
    scenario: "returnCompleted",
    status: "Returned",
    // The lease and insurance of a returned item no longer apply.
    panels: ["Return", "Progress", "Shipping", "Payments", "Your order"],
    action: { kind: "none" },
    shows: ["Return completed", "Moving abroad", "Automatic payments stopped"],
    check: ({ main, header, panel }) => {
      expect(withExactText(panel("returns"), "Completed").length).toBeGreaterThan(0);
      expect(findAll(panel("returns"), isTag("time"))).toHaveLength(2);
      // Nothing of the old lease, insurance or parcel reads as current (the steps keep their history).
      const current = [
        header,
        ...findAll(main, (element) => element.tag === "section" && element.attributes.id !== "progress"),
      ];
      for (const stale of ["Insurance approved", "Ends", /Track (on|package)/]) {
        for (const part of current) expect(withExactText(part, stale), String(stale)).toEqual([]);
      }
      const trackLinks = findAll(main, isTag("a")).filter((link) => /Track/.test(accessibleNameOf(link)));
      expect(trackLinks).toEqual([]);
    },
  },
  {
    scenario: "cancelled",
    status: "Cancelled",
    panels: ["Progress", "Payments", "Your order"],
    action: { kind: "none" },
    // The API gives no reason: honest words, and a way to ask.
    shows: ["Ask us if you want to know why"],
    check: ({ main, header }) => {
      expect(textOf(main)).not.toContain("Insurance not approved");
      const mailLinks = findAll(header, isTag("a")).filter((link) => accessibleNameOf(link).includes("@"));
      expect(mailLinks).toHaveLength(1);
      expect(mailLinks[0]?.attributes.href).toMatch(
        new RegExp(`^mailto:.+\\?subject=.*${SCENARIOS.cancelled}`),
      );
    },
  },
];

const EN = translatorFor("en");
const ALEX = readByThePortal(alexCheckouts(DEMO_CLOCK));

/** The checkout's page as the server renders it for Alex, in English, inside the layout's <main>. */
function renderPage(scenario: keyof typeof SCENARIOS): Page {
  const read = ALEX.find(({ id }) => id === SCENARIOS[scenario]);
  if (!read) throw new Error(`Alex has no ${scenario} checkout in the sandbox`);
  const html = renderToStaticMarkup(
    <main>
      <CheckoutDetail
        view={demoView(read, "en")}
        dates={DEMO_DATES.en}
        support={DEMO_SUPPORT}
        t={EN}
        refreshNote={null}
      />
    </main>,
  );
  const [main] = findAll(parseMarkup(html), isTag("main")) as [MarkupElement];
  const [article] = main.children.filter((child) => typeof child !== "string" && child.tag === "article");
  const header =
    typeof article === "object"
      ? article.children.find((child) => typeof child !== "string" && child.tag === "header")
      : undefined;
  if (typeof header !== "object") throw new Error(`${scenario}: no situation block (main article > header)`);
  return { main, header, panel: (id) => byId(main, id) };
}

/** The links whose accessible name contains `name` (Playwright's getByRole("link", { name })). */
function linksNamed(element: MarkupElement, name: string): MarkupElement[] {
  return findAll(element, isTag("a")).filter((link) => accessibleNameOf(link).includes(name));
}

function expectTheOneAction({ main, header, panel }: Page, action: Action): void {
  const continueLinks = linksNamed(main, "Continue checkout");
  // The one action sits in the situation block above the panels.
  const hints = findAll(header, hasAttribute("data-action"));

  if (action.kind === "continue") {
    expect(continueLinks).toHaveLength(1);
    expect(continueLinks[0]?.attributes.href).toBe(action.href);
    // Leaves the portal without telling the shop where the customer came from.
    expect(continueLinks[0]?.attributes.rel).toMatch(/noreferrer/);
    // It is the situation's one action, above the panels.
    expect(hints.flatMap((hint) => linksNamed(hint, "Continue checkout"))).toHaveLength(1);
    return;
  }
  // Finished, waitlisted, cancelled and returned checkouts are never offered a way back into checkout.
  expect(continueLinks).toEqual([]);
  expect(textOf(main)).not.toContain("Finish your checkout");

  if (action.kind === "track") {
    const trackingLinks = findAll(
      main,
      (element) => element.tag === "a" && element.attributes.href === action.href,
    );
    // One way to the carrier's page: the action above the panels (the panel keeps the number).
    expect(trackingLinks).toHaveLength(1);
    const named = linksNamed(main, `Track package on ${action.carrier}`);
    expect(named).toHaveLength(1);
    expect(named[0]?.attributes.href).toBe(action.href);
    expect(hints).toHaveLength(1);
    for (const link of trackingLinks) {
      expect(link.attributes.target).toBe("_blank");
      expect(link.attributes.rel).toMatch(/noopener/);
    }
    // The number the copy button copies (the button itself appears once JavaScript runs: the browser
    // journey in e2e/checkout-detail.spec.ts checks it for every carrier).
    expect(textOf(byId(panel("shipping"), "tracking-number"))).not.toBe("");
    return;
  }
  if (action.kind === "hint") {
    expect(hints).toHaveLength(1);
    const links = findAll(main, isTag("a")).filter((link) => accessibleNameOf(link) === action.label);
    expect(links).toHaveLength(1);
    expect(links[0]?.attributes.href).toBe(action.href);
    return;
  }
  expect(hints).toEqual([]);
}

describe("a checkout's page, per situation (Alex Rivera's demo checkouts)", () => {
  it("covers every one of Alex's checkouts", () => {
    const alexScenarios = Object.entries(SCENARIOS)
      .filter(([, id]) => ALEX.some((read) => read.id === id))
      .map(([scenario]) => scenario);
    expect(SITUATIONS.map(({ scenario }) => scenario).toSorted()).toEqual(alexScenarios.toSorted());
  });

  it.each(SITUATIONS.map((situation) => [situation.scenario, situation] as const))(
    "%s: its panels, its one action, in words",
    (_scenario, situation) => {
      const page = renderPage(situation.scenario);
      expect(withExactText(page.header, situation.status).length, "the status headline").toBeGreaterThan(0);
      expect(findAll(page.main, isTag("h2")).map(textOf)).toEqual(situation.panels);
      const shown = visibleTextOf(page.main);
      for (const text of situation.shows ?? []) {
        if (typeof text === "string") expect(shown).toContain(text);
        else expect(shown).toMatch(text);
      }
      expectTheOneAction(page, situation.action);
      situation.check?.(page);
      // Every date is machine-readable and shown in words.
      for (const time of findAll(page.main, isTag("time"))) {
        expect(time.attributes.datetime).toMatch(/^\d{4}-\d{2}-\d{2}/);
        expect(textOf(time)).not.toBe("");
      }
      expect(rawApiValuesIn(wordsOf(page.main))).toEqual([]);
    },
  );
});
