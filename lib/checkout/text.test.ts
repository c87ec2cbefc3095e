import { describe, expect, it } from "vitest";
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
    // Five characters in ten code units still fit in five.
    expect(truncatedText("😀".repeat(5), 5)).toBe("😀".repeat(5));
  });
});
