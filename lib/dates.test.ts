import { describe, expect, it } from "vitest";
import {
  COOKIE_ZONE_MARKER,
  dayOrInstant,
  formatDate,
  isoTimestamp,
  localiseTimes,
  parseDateValue,
  timeOf,
} from "./dates";
import { timeZoneCookie } from "./request/time-zone-cookie";

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

describe("values read and formatted again (kept results)", () => {
  it("answers the same each time, per viewer, and never shares a Date a caller could change", () => {
    const value = "2025-03-04T19:03:00Z";
    const first = parseDateValue(value);
    first?.date.setFullYear(1999);
    expect(parseDateValue(value)?.date.toISOString()).toBe("2025-03-04T19:03:00.000Z");
    expect(plain(formatDate(value, newYork, true))).toBe("Mar 4, 2025, 2:03 PM");
    expect(plain(formatDate(value, { locale: "en-US", timeZone: "Asia/Tokyo" }, true))).toBe(
      "Mar 5, 2025, 4:03 AM",
    );
    expect(plain(formatDate(value, newYork, true))).toBe("Mar 4, 2025, 2:03 PM");
    expect(plain(formatDate(value, newYork))).toBe("Mar 4, 2025");
    expect(parseDateValue("2025-02-30")).toBeNull();
    expect(parseDateValue("2025-02-30")).toBeNull();
  });
});

describe("localiseTimes (the layout's inline script)", () => {
  type FakeTime = { attributes: Record<string, string>; textContent: string };
  function fakeDocument(times: FakeTime[], protocol = "http:") {
    const doc = {
      cookie: "",
      location: { protocol },
      querySelectorAll: () =>
        times.map((time) => ({ ...time, getAttribute: (name: string) => time.attributes[name] ?? null })),
    };
    return doc;
  }
  const config = (serverZone: string, locale = "en-US") => ({
    locale,
    serverZone,
    cookieTemplate: timeZoneCookie(COOKIE_ZONE_MARKER, false),
  });
  const INSTANTS = ["2025-03-04T14:03:00Z", "2025-12-31T23:30:00Z", "2026-06-01T00:15:00.000Z"];
  const ZONES = ["America/Los_Angeles", "Europe/Paris", "Asia/Kolkata", "Pacific/Auckland", "UTC"];

  it("writes every instant exactly as formatDate does, in every zone and locale", () => {
    for (const locale of ["en-US", "de-DE", "ja-JP"]) {
      for (const zone of ZONES) {
        const elements = INSTANTS.flatMap((iso) => [
          { attributes: { datetime: iso, "data-instant": "datetime" }, textContent: "server" },
          { attributes: { datetime: iso, "data-instant": "date" }, textContent: "server" },
        ]);
        const doc = fakeDocument(elements);
        const written: string[] = [];
        doc.querySelectorAll = () =>
          elements.map((element) => ({
            getAttribute: (name: string) => (element.attributes as Record<string, string>)[name] ?? null,
            set textContent(text: string) {
              written.push(text);
            },
          })) as never;
        localiseTimes(doc as unknown as Document, config("Somewhere/Else", locale), zone);
        const expected = INSTANTS.flatMap((iso) => [
          formatDate(iso, { locale, timeZone: zone }, true),
          formatDate(iso, { locale, timeZone: zone }, false),
        ]);
        expect(written).toEqual(expected);
      }
    }
  });

  it("stores the zone in the same cookie as timeZoneCookie, secure on https", () => {
    const plain = fakeDocument([]);
    localiseTimes(plain as unknown as Document, config("UTC"), "America/Los_Angeles");
    expect(plain.cookie).toBe(timeZoneCookie("America/Los_Angeles", false));
    const secure = fakeDocument([], "https:");
    localiseTimes(secure as unknown as Document, config("UTC"), "America/Los_Angeles");
    expect(secure.cookie).toBe(timeZoneCookie("America/Los_Angeles", true));
  });

  it("leaves the page alone when the server already used the browser's zone", () => {
    const doc = fakeDocument([]);
    let touched = false;
    doc.querySelectorAll = () => {
      touched = true;
      return [];
    };
    localiseTimes(doc as unknown as Document, config("Europe/Paris"), "Europe/Paris");
    expect(touched).toBe(false);
    expect(doc.cookie).toBe("");
  });

  it("runs from its own source text, as the layout inlines it", () => {
    const doc = fakeDocument([]);
    const inlined = new Function(
      "document",
      `(${localiseTimes.toString()})(document, ${JSON.stringify(config("UTC"))}, "Asia/Tokyo")`,
    );
    inlined(doc);
    expect(doc.cookie).toBe(timeZoneCookie("Asia/Tokyo", false));
  });
});
