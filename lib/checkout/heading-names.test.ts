import { describe, expect, it } from "vitest";
import { headingTiebreaks } from "./heading-names";

const dayOf = (createdAt: string | null) => createdAt?.slice(0, 10) ?? null;
const card = (id: string, title: string, createdAt: string | null) => ({ id, title, createdAt });

describe("headingTiebreaks", () => {
  it("leaves a card whose title is its own alone", () => {
    const tiebreaks = headingTiebreaks(
      [
        card("a", "Oak standing desk", "2026-03-01T10:00:00Z"),
        card("b", "Walnut bookcase", "2026-03-01T10:00:00Z"),
      ],
      dayOf,
    );
    expect(tiebreaks.size).toBe(0);
  });

  it("tells two orders of one item apart by their dates", () => {
    const tiebreaks = headingTiebreaks(
      [
        card("a", "Oak standing desk", "2026-03-01T10:00:00Z"),
        card("b", "Walnut bookcase", "2026-03-01T10:00:00Z"),
        card("c", "Oak standing desk", "2025-10-12T10:00:00Z"),
      ],
      dayOf,
    );
    expect(Object.fromEntries(tiebreaks)).toEqual({
      a: { date: true, reference: false },
      c: { date: true, reference: false },
    });
  });

  it("adds the reference when the date does not tell them apart (same day, or no date)", () => {
    const tiebreaks = headingTiebreaks(
      [
        card("a", "Oak standing desk", "2026-03-01T10:00:00Z"),
        card("b", "Oak standing desk", "2026-03-01T18:00:00Z"),
        card("c", "Oak standing desk", "2025-10-12T10:00:00Z"),
        card("d", "Oak standing desk", null),
      ],
      dayOf,
    );
    expect(Object.fromEntries(tiebreaks)).toEqual({
      a: { date: true, reference: true },
      b: { date: true, reference: true },
      c: { date: true, reference: false },
      d: { date: false, reference: true },
    });
  });
});
