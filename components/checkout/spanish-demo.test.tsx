import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formattedAmount } from "@/lib/checkout/panels/payments";
import type { CheckoutView } from "@/lib/checkout/types";
import { formatDate } from "@/lib/dates";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translator";
import { KNOWN_MILESTONE_KEYS } from "@/lib/sweetspot/schemas";
import { alexCheckouts, blairCheckouts, manyCheckouts } from "@/sandbox/demo-checkouts";
import {
  DEMO_CLOCK,
  DEMO_DATES,
  DEMO_NOW,
  DEMO_SUPPORT,
  demoSummary,
  demoView,
  readByThePortal,
} from "@/test-support/demo-views";
import { CheckoutList } from "../list/CheckoutList";
import { StaleViewBanner } from "../ui/StaleViewBanner";
import { CheckoutDetail } from "./CheckoutDetail";

/*
 * Every demo checkout, rendered in Spanish the way the pages render it (the view model built in Spanish,
 * then the detail view and the list), must hold no English message text: a word that slipped past the
 * translator (a literal in a component, a lookup without `t`) shows up here.
 */

const DEMO = [...alexCheckouts(DEMO_CLOCK), ...blairCheckouts(DEMO_CLOCK), ...manyCheckouts(DEMO_CLOCK)];
const records = readByThePortal(DEMO);

function render(locale: Locale) {
  const t = translatorFor(locale);
  const details = records.map((read) => {
    const view = demoView(read, locale);
    return {
      view,
      html: renderToStaticMarkup(
        <CheckoutDetail
          view={view}
          dates={DEMO_DATES[locale]}
          support={DEMO_SUPPORT}
          t={t}
          refreshNote={null}
        />,
      ),
    };
  });
  const summaries = records.map((read) => demoSummary(read, locale));
  const list = renderToStaticMarkup(
    <>
      <StaleViewBanner savedAt={DEMO_NOW.toISOString()} dates={DEMO_DATES[locale]} t={t} updatesItself />
      <CheckoutList summaries={summaries} dates={DEMO_DATES[locale]} t={t} />
    </>,
  );
  return { details, list };
}

/** The text a reader meets: tags dropped, the entities React writes decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : leaves(value)));
}

/** A message's literal text, split where placeholders, plurals and tags stand. */
function literalFragments(message: string): string[] {
  const fragments: string[] = [];
  let current = "";
  const visit = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) {
        current += element.value;
        continue;
      }
      fragments.push(current);
      current = "";
      if ("options" in element) for (const option of Object.values(element.options)) visit(option.value);
      if ("children" in element) visit(element.children);
      fragments.push(current);
      current = "";
    }
  };
  visit(parse(message));
  fragments.push(current);
  return fragments.map((fragment) => fragment.trim()).filter((fragment) => fragment !== "");
}

const englishMessages = leaves(MESSAGES.en.checkout as Tree);
const spanishMessages = leaves(MESSAGES.es.checkout as Tree);
const spanishCatalogue = spanishMessages.join("\n");

/** Words the two languages share ("Ref", brand and carrier names): said alike, so no sign of English. */
const wordsInSpanish = new Set(spanishCatalogue.match(/\p{L}+/gu) ?? []);

/**
 * The English fragments that must not appear in a Spanish page: from messages that differ between the
 * languages, at least one word long (three letters), and not made only of words Spanish uses too.
 */
const ENGLISH_FRAGMENTS = [
  ...new Set(
    englishMessages
      .filter((message) => !spanishMessages.includes(message))
      .flatMap(literalFragments)
      .filter((fragment) => {
        const words = fragment.match(/\p{L}+/gu) ?? [];
        return words.some((word) => word.length >= 3 && !wordsInSpanish.has(word));
      }),
  ),
];

const OUR_STEPS = new Set<string>([...KNOWN_MILESTONE_KEYS, "waitlisted", "cancelled"]);

/**
 * What the API wrote itself (item names, return reasons and notes, who signed, addresses, fee names) is
 * shown as sent, in whatever language it was written: left out of the search.
 */
function withoutFreeText(text: string, view: CheckoutView): string {
  const shipment = view.shipping?.kind === "shipment" ? view.shipping : null;
  const freeText = [
    view.title,
    view.externalOrderId,
    ...view.items.map((item) => item.name),
    view.returns?.reason,
    view.returns?.notes,
    shipment?.signedBy,
    ...(shipment?.address ?? []),
    ...(view.waitlist?.address ?? []),
    ...(view.payments?.fees.map((fee) => fee.name) ?? []),
    // A step the portal has no words for keeps the API's label.
    ...view.timeline.milestones.filter((step) => !OUR_STEPS.has(step.key)).map((step) => step.label),
  ].filter((value): value is string => typeof value === "string" && value !== "");
  return freeText.reduce((remaining, value) => remaining.split(value).join(" "), text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The English fragments found in `text`, matched as whole words, case and all. */
function englishIn(text: string): string[] {
  return ENGLISH_FRAGMENTS.filter((fragment) =>
    new RegExp(`(?<![\\p{L}])${escapeRegExp(fragment)}(?![\\p{L}])`, "u").test(text),
  );
}

describe("the demo checkouts in Spanish", () => {
  const english = render("en");
  const spanish = render("es");

  it("looks for enough English to mean something", () => {
    expect(DEMO.length).toBeGreaterThan(20);
    expect(ENGLISH_FRAGMENTS.length).toBeGreaterThan(150);
    // The check itself works: the same pages in English are full of it.
    expect(englishIn(visibleText(english.list)).length).toBeGreaterThan(5);
  });

  it.each(DEMO.map((record, index) => [record.id, index] as const))(
    "shows %s with no English message text",
    (_id, index) => {
      const page = spanish.details[index];
      expect(page).toBeDefined();
      if (!page) return;
      expect(englishIn(withoutFreeText(visibleText(page.html), page.view))).toEqual([]);
    },
  );

  it("lists them all, and says a saved view is not live, with no English message text", () => {
    expect(englishIn(visibleText(spanish.list))).toEqual([]);
  });

  it("writes dates and money the es-US way", () => {
    const withFees = spanish.details.filter(({ view }) => (view.payments?.fees.length ?? 0) > 0);
    expect(withFees.length).toBeGreaterThan(0);
    for (const { view, html } of withFees) {
      for (const fee of view.payments?.fees ?? []) expect(html).toContain(fee.amount);
    }
    expect(withFees[0]?.view.payments?.fees.map((fee) => fee.amount)).toContain(
      formattedAmount(4900, "usd", "es"),
    );
    const dated = spanish.details.filter(({ view }) => view.createdAt !== null);
    expect(dated.length).toBeGreaterThan(0);
    for (const { view, html } of dated) {
      const day = formatDate(view.createdAt, DEMO_DATES.es, false);
      expect(day).not.toBeNull();
      expect(visibleText(html)).toContain(day);
      // Spanish names its months: the English date is nowhere on the page.
      const englishDay = formatDate(view.createdAt, DEMO_DATES.en, false) ?? "";
      if (englishDay !== day) expect(visibleText(html)).not.toContain(englishDay);
    }
  });

  it.each(LOCALES)("gives every card on the list a heading of its own (%s)", (locale) => {
    const { list } = locale === "es" ? spanish : english;
    const headings = [...list.matchAll(/<h3[^>]*>(.*?)<\/h3>/g)].map((match) =>
      visibleText(match[1] ?? "").trim(),
    );
    expect(headings.length).toBe(DEMO.length);
    // The demo repeats items ("Oak standing desk" twice for one customer): the headings still differ.
    const titles = records.map(({ item }) => item.purchaseItems?.[0]?.name);
    expect(new Set(titles).size).toBeLessThan(titles.length);
    expect(new Set(headings).size).toBe(headings.length);
    // Each says when it was ordered, in the page's language (the rest of this file checks for English).
    const desks = headings.filter((heading) => heading.startsWith("Oak standing desk"));
    expect(desks.length).toBeGreaterThanOrEqual(2);
    const words = translatorFor(locale);
    for (const desk of desks) {
      expect(
        [words("checkout.title.ordered"), words("checkout.title.started")].some((label) =>
          desk.includes(label),
        ),
      ).toBe(true);
    }
  });

  it("speaks every language it knows", () => {
    expect(LOCALES).toEqual(["en", "es"]);
  });
});
