import { describe, expect, it } from "vitest";
import { dayOrInstant, formatDate, isoTimestamp, timeOf } from "./dates";

// ICU versions differ on the space before "AM" (U+202F or U+0020); the tests care about the words.
const plain = (text: string | null) => text?.replace(/\u202f/g, " ") ?? null;

const newYork = { locale: "en-US", timeZone: "America/New_York" };
const unknownZone = { locale: "en-US", timeZone: "UTC" };

describe("formatDate", () => {
  it("formats an instant in the customer's zone", () => {
    expect(plain(formatDate("2025-03-04T15:03:00Z", newYork, true))).toBe("Mar 4, 2025, 10:03 AM");
    expect(plain(formatDate("2025-03-04T03:00:00Z", newYork))).toBe("Mar 3, 2025");
  });

  it("says UTC when the zone is not known yet", () => {
    expect(plain(formatDate("2025-03-04T15:03:00Z", unknownZone, true))).toBe("Mar 4, 2025, 3:03 PM UTC");
    expect(plain(formatDate("2025-03-04T15:03:00Z", unknownZone))).toBe("Mar 4, 2025");
  });

  it("keeps calendar dates on their day in any zone", () => {
    const tokyo = { locale: "en-US", timeZone: "Asia/Tokyo" };
    const honolulu = { locale: "en-US", timeZone: "Pacific/Honolulu" };
    expect(plain(formatDate("2025-03-01", honolulu, true))).toBe("Mar 1, 2025");
    expect(plain(formatDate("2025-03-01", tokyo))).toBe("Mar 1, 2025");
  });
});

describe("one instant, one day per viewer, wherever it is shown", () => {
  const instant = "2025-03-01T22:00:00-05:00";
  const zones: [string, string][] = [
    ["America/New_York", "Mar 1, 2025"],
    ["UTC", "Mar 2, 2025"],
    ["Asia/Tokyo", "Mar 2, 2025"],
  ];

  it.each(zones)("shows it on the viewer's day in %s", (timeZone, day) => {
    const dates = { locale: "en-US", timeZone };
    // Straight from the API, after the view model (timestamps and lease dates), and as a <time>.
    expect(plain(formatDate(instant, dates))).toBe(day);
    expect(plain(formatDate(isoTimestamp(instant), dates))).toBe(day);
    expect(plain(formatDate(dayOrInstant(instant), dates))).toBe(day);
  });

  it("keeps a calendar day as written, and reads it from its first UTC moment", () => {
    expect(dayOrInstant("2025-03-01")).toBe("2025-03-01");
    expect(timeOf("2025-03-01")).toBe(Date.UTC(2025, 2, 1));
    expect(timeOf(instant)).toBe(Date.UTC(2025, 2, 2, 3));
  });

  it.each([null, "", "soon", "2025-02-30", "2025-13-01"])("gives nothing for %j", (value) => {
    expect(plain(formatDate(value, newYork, true))).toBeNull();
  });

  it("survives an unknown locale or zone", () => {
    expect(plain(formatDate("2025-03-04T15:03:00Z", { locale: "en-US", timeZone: "Mars/Base" }, true))).toBe(
      "Mar 4, 2025, 3:03 PM UTC",
    );
    expect(plain(formatDate("2025-03-04T15:03:00Z", { locale: "!!", timeZone: "UTC" }))).toBe("Mar 4, 2025");
  });
});

describe("view-model values", () => {
  it("normalises readable timestamps to ISO and drops the rest", () => {
    expect(isoTimestamp("2026-03-01T12:00:00+02:00")).toBe("2026-03-01T10:00:00.000Z");
    expect(isoTimestamp("yesterday")).toBeNull();
    expect(isoTimestamp(null)).toBeNull();
  });

  it("keeps calendar days as written and instants as instants", () => {
    expect(dayOrInstant("2026-03-01")).toBe("2026-03-01");
    expect(dayOrInstant("2026-03-01T23:30:00-05:00")).toBe("2026-03-02T04:30:00.000Z");
    expect(dayOrInstant("soon")).toBeNull();
  });

  it("gives milliseconds for comparisons", () => {
    expect(timeOf("1970-01-01T00:00:01.000Z")).toBe(1000);
    expect(timeOf("")).toBeNull();
  });
});
