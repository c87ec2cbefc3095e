import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toCheckoutSummary } from "@/lib/checkout/view-model";
import { parseCheckoutList } from "@/lib/sweetspot/schemas";
import { clockAt } from "@/sandbox/clock";
import { alexCheckouts } from "@/sandbox/demo-checkouts";
import { toListItem } from "@/sandbox/projection";
import { CheckoutList } from "./CheckoutList";

describe("CheckoutList", () => {
  it("draws each badge's shape once for the whole list, and every card's icon finds its shape", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const { records } = parseCheckoutList(
      JSON.parse(JSON.stringify(alexCheckouts(clockAt(now)).map(toListItem))),
    );
    const summaries = records.map((record) => toCheckoutSummary(record, { now, allowHttpCheckoutUrl: true }));
    const html = renderToStaticMarkup(
      <CheckoutList summaries={summaries} dates={{ locale: "en-US", timeZone: "UTC" }} />,
    );
    const symbols = [...html.matchAll(/<symbol id="([^"]+)"/g)].map((match) => match[1]);
    const uses = [...html.matchAll(/<use href="#([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(uses).toHaveLength(summaries.length);
    for (const id of uses) expect(symbols).toContain(id);
    // The shapes themselves appear only inside the symbols.
    expect(html.match(/<(path|circle)\b/g)?.length).toBe(
      html.slice(0, html.indexOf("</svg>")).match(/<(path|circle)\b/g)?.length,
    );
  });
});
