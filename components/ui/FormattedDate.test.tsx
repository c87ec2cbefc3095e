import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormattedDate } from "./FormattedDate";

// ICU versions differ on the space before "AM" (U+202F or U+0020); the tests care about the words.
const plain = (text: string | null) => text?.replace(/\u202f/g, " ") ?? null;

const newYork = { locale: "en-US", timeZone: "America/New_York" };

describe("FormattedDate", () => {
  it("emits a <time> with a machine-readable value", () => {
    const html = plain(
      renderToStaticMarkup(<FormattedDate value="2025-03-04T15:03:00+00:00" dates={newYork} withTime />),
    );
    expect(html).toBe(
      '<time dateTime="2025-03-04T15:03:00.000Z" data-instant="datetime">Mar 4, 2025, 10:03 AM</time>',
    );
  });

  it("renders the fallback, or nothing, for a missing date", () => {
    expect(renderToStaticMarkup(<FormattedDate value={null} dates={newYork} />)).toBe("");
    expect(renderToStaticMarkup(<FormattedDate value="nope" dates={newYork} fallback="—" />)).toBe("—");
  });
});

describe("FormattedDate shows one instant on the viewer's day", () => {
  it.each([
    ["America/New_York", "Mar 1, 2025"],
    ["UTC", "Mar 2, 2025"],
    ["Asia/Tokyo", "Mar 2, 2025"],
  ])("in %s", (timeZone, day) => {
    const html = renderToStaticMarkup(
      <FormattedDate value="2025-03-01T22:00:00-05:00" dates={{ locale: "en-US", timeZone }} />,
    );
    expect(plain(html)).toBe(`<time dateTime="2025-03-02T03:00:00.000Z" data-instant="date">${day}</time>`);
  });
});
