import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate } from "./dates";
import { FormattedDate } from "./ui/FormattedDate";

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
    expect(plain(formatCalendarDate("2025-03-01T00:00:00-05:00", tokyo))).toBe("Mar 1, 2025");
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

describe("FormattedDate", () => {
  it("emits a <time> with a machine-readable value", () => {
    const html = plain(
      renderToStaticMarkup(<FormattedDate value="2025-03-04T15:03:00+00:00" dates={newYork} withTime />),
    );
    expect(html).toBe('<time dateTime="2025-03-04T15:03:00.000Z">Mar 4, 2025, 10:03 AM</time>');
  });

  it("renders the fallback, or nothing, for a missing date", () => {
    expect(renderToStaticMarkup(<FormattedDate value={null} dates={newYork} />)).toBe("");
    expect(renderToStaticMarkup(<FormattedDate value="nope" dates={newYork} fallback="—" />)).toBe("—");
  });
});
