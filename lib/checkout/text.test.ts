import { describe, expect, it } from "vitest";
import { calendarDate, isoTimestamp, timeOf } from "./dates";
import { plainText, singleLineText, truncatedText } from "./text";

describe("singleLineText", () => {
  it("trims, folds whitespace and control characters into single spaces", () => {
    expect(singleLineText("  Oak\tchair\n\n with\u0000 arms  ", 100)).toBe("Oak chair with arms");
  });

  it("is null for missing or blank values", () => {
    expect(singleLineText(null, 10)).toBeNull();
    expect(singleLineText(" \n\t ", 10)).toBeNull();
  });

  it("caps the length with an ellipsis", () => {
    const capped = singleLineText("x".repeat(2000), 500);
    expect(capped).toHaveLength(500);
    expect(capped?.endsWith("…")).toBe(true);
  });
});

describe("plainText", () => {
  it("keeps line breaks but drops other control characters and extra blank lines", () => {
    expect(plainText("Box dented.\r\n\r\n\r\n\r\nCustomer\u0007 home after 5.", 100)).toBe(
      "Box dented.\n\nCustomer home after 5.",
    );
  });
});

describe("truncatedText", () => {
  it("never splits a character made of two code units", () => {
    const cut = truncatedText("😀".repeat(10), 5);
    expect(cut).toBe("😀😀😀😀…");
    expect(() => encodeURIComponent(cut)).not.toThrow(); // throws on a lone surrogate
  });

  it("leaves text that fits alone", () => {
    expect(truncatedText("short", 5)).toBe("short");
  });
});

describe("dates", () => {
  it("normalises readable timestamps to ISO and drops the rest", () => {
    expect(isoTimestamp("2026-03-01T12:00:00+02:00")).toBe("2026-03-01T10:00:00.000Z");
    expect(isoTimestamp("yesterday")).toBeNull();
    expect(isoTimestamp(null)).toBeNull();
  });

  it("keeps calendar dates as written, so no time zone shifts the day", () => {
    expect(calendarDate("2026-03-01")).toBe("2026-03-01");
    expect(calendarDate("2026-03-01T23:30:00.000Z")).toBe("2026-03-01");
    expect(calendarDate("soon")).toBeNull();
  });

  it("gives milliseconds for comparisons", () => {
    expect(timeOf("1970-01-01T00:00:01.000Z")).toBe(1000);
    expect(timeOf("")).toBeNull();
  });
});
