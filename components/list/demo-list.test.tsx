import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { alexCheckouts } from "@/sandbox/demo-checkouts";
import { SCENARIOS } from "@/sandbox/scenarios";
import { DEMO_CLOCK, DEMO_DATES, demoSummary, readByThePortal } from "@/test-support/demo-views";
import {
  accessibleNameOf,
  findAll,
  isTag,
  type MarkupElement,
  parseMarkup,
  textOf,
  wordsOf,
} from "@/test-support/markup";
import { rawApiValuesIn } from "@/test-support/raw-api-values";
import { CheckoutList } from "./CheckoutList";

/*
 * Alex Rivera's list (one checkout per situation, all on the first page), from the sandbox's own records
 * through the portal's schemas and view model, rendered by the list page's component on the server.
 * Paging, filters and the one upstream call stay in e2e/checkout-list.spec.ts: those need the server.
 */

type Entry = {
  scenario: keyof typeof SCENARIOS;
  title: string;
  status: string;
  milestone: string;
  action: { name: string; href: string } | null;
};

const ENTRIES: Entry[] = [
  {
    scenario: "unfinished",
    title: "Pearl espresso machine",
    status: "Checkout not finished",
    milestone: "Checkout started",
    action: {
      name: "Continue checkout",
      href: `https://checkout.thesweetspot.example/c/${SCENARIOS.unfinished}`,
    },
  },
  {
    scenario: "shippedUps",
    title: "Linen sofa, 3-seat + 1 more",
    status: "On its way",
    milestone: "Shipped",
    action: { name: "Track package", href: "https://www.ups.com/track?tracknum=1Z999AA10123456784" },
  },
  {
    scenario: "paymentFailed",
    title: "French-door refrigerator",
    // A problem beats progress: the lease is active, the headline is the failed payment.
    status: "Payment failed",
    milestone: "Lease started",
    action: { name: "Fix payment", href: `/checkouts/${SCENARIOS.paymentFailed}#payments` },
  },
  {
    scenario: "returnInitiated",
    title: "Modular sectional sofa",
    status: "Return in progress",
    milestone: "Return started",
    action: { name: "See return", href: `/checkouts/${SCENARIOS.returnInitiated}#returns` },
  },
  {
    scenario: "delivered",
    title: "Ergonomic task chair",
    status: "Delivered",
    milestone: "Delivered",
    action: null,
  },
  {
    scenario: "cancelled",
    title: "Upright digital piano",
    status: "Cancelled",
    milestone: "Cancelled",
    action: null,
  },
];

/** Alex's list as the list page renders it: every entry, the folded older ones too. */
function renderAlexList(): MarkupElement {
  const summaries = readByThePortal(alexCheckouts(DEMO_CLOCK)).map((read) => demoSummary(read, "en"));
  const html = renderToStaticMarkup(
    <main>
      <CheckoutList summaries={summaries} dates={DEMO_DATES.en} t={translatorFor("en")} />
    </main>,
  );
  const [main] = findAll(parseMarkup(html), isTag("main")) as [MarkupElement];
  return main;
}

/** The entry (list item) for one checkout, found by its title link (titles can repeat). */
function entryFor(list: MarkupElement, id: string): MarkupElement {
  const entries = findAll(list, isTag("li")).filter((item) =>
    findAll(item, isTag("a")).some((link) => link.attributes.href === `/checkouts/${id}`),
  );
  expect(entries, `one entry links to ${id}`).toHaveLength(1);
  return entries[0] as MarkupElement;
}

const hasExactText = (element: MarkupElement, text: string) =>
  findAll(element, (candidate) => textOf(candidate) === text).length > 0;

describe("Alex's list of checkouts", () => {
  const list = renderAlexList();

  it.each(ENTRIES.map((entry) => [entry.scenario, entry] as const))(
    "%s: shows what was ordered, its status, its latest step and one action",
    (scenario, expected) => {
      const entry = entryFor(list, SCENARIOS[scenario]);
      const headings = findAll(entry, isTag("h3")).map(accessibleNameOf);
      expect(headings).toEqual([expected.title]);
      expect(hasExactText(entry, expected.status), `status "${expected.status}"`).toBe(true);
      expect(hasExactText(entry, expected.milestone), `latest step "${expected.milestone}"`).toBe(true);
      // The title link, plus the action when there is one.
      const links = findAll(entry, isTag("a"));
      expect(links).toHaveLength(expected.action ? 2 : 1);
      if (expected.action) {
        const { name, href } = expected.action;
        const action = links.filter((link) => accessibleNameOf(link).includes(name));
        expect(action.map((link) => link.attributes.href)).toEqual([href]);
      }
    },
  );

  it("dates every step reached so far, machine-readable", () => {
    const [firstDate] = findAll(entryFor(list, SCENARIOS.shippedUps), isTag("time"));
    expect(firstDate?.attributes.datetime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("offers to continue only the checkouts that are not finished", () => {
    const continueLinks = findAll(list, isTag("a")).filter((link) =>
      accessibleNameOf(link).includes("Continue checkout"),
    );
    // The unfinished checkout and the one whose deposit hold is pending.
    expect(continueLinks.map((link) => link.attributes.href)).toEqual(
      expect.arrayContaining([expect.stringContaining(SCENARIOS.unfinished)]),
    );
    expect(continueLinks).toHaveLength(2);
  });

  it("speaks in words, never the API's values", () => {
    expect(rawApiValuesIn(wordsOf(list))).toEqual([]);
  });
});
