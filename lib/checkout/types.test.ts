import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { parseCheckoutList } from "@/lib/sweetspot/schemas";
import { toListItem } from "@/sandbox/projection";
import { seedCheckouts } from "@/sandbox/seed";
import { checkoutSummaryPageSchema, checkoutViewSchema } from "./types";
import { toCheckoutSummary, toCheckoutView } from "./view-model";

const now = new Date("2026-03-01T12:00:00Z");
const options = {
  now,
  allowHttpCheckoutUrl: true,
  supportEmail: "support@example.com",
  t: translatorFor("en"),
  locale: "en",
} as const;
const records = parseCheckoutList(seedCheckouts(now).map(toListItem)).records;

describe("view schemas (reading last known good back)", () => {
  it("read back every seeded checkout's view exactly as it was saved, in each language", () => {
    expect(records.length).toBeGreaterThan(20);
    const spanish = { ...options, t: translatorFor("es"), locale: "es" } as const;
    for (const record of records) {
      for (const built of [toCheckoutView(record, null, options), toCheckoutView(record, null, spanish)]) {
        const view = JSON.parse(JSON.stringify(built));
        expect(checkoutViewSchema.parse(view)).toEqual(view);
      }
    }
  });

  it("read back a list page", () => {
    const page = JSON.parse(
      JSON.stringify({
        summaries: records.map((record) => toCheckoutSummary(record, options)),
        hasMore: true,
        skipped: 1,
      }),
    );
    expect(checkoutSummaryPageSchema.parse(page)).toEqual(page);
  });

  it("refuse a view of another shape (an older build's), so it reads as nothing saved", () => {
    const view = JSON.parse(
      JSON.stringify(toCheckoutView(records[0] as (typeof records)[number], null, options)),
    );
    expect(checkoutViewSchema.safeParse({ ...view, status: "Shipped" }).success).toBe(false);
    expect(checkoutSummaryPageSchema.safeParse({ summaries: "none" }).success).toBe(false);
  });
});
