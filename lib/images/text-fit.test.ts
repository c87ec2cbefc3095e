import { describe, expect, it } from "vitest";
import { drawableText, ELLIPSIS, fitLine, fitLines, type TextMeasure, UNDRAWABLE } from "./text-fit";

/** A monospaced font: every character is 10 px wide at font size 20; it lacks most emoji and CJK. */
const LACKING = /[\u{1F000}-\u{1FAFF}\p{Script=Han}]/u;
const mono: TextMeasure = {
  canDraw: (codePoint) =>
    codePoint !== 0xfe0f && codePoint !== 0x200d && !LACKING.test(String.fromCodePoint(codePoint)),
  widthOf: (text, fontSize) => Array.from(text).length * fontSize * 0.5,
};
const width = (text: string) => mono.widthOf(text, 20);

describe("fitLines", () => {
  it("leaves text that fits on one line alone", () => {
    expect(fitLines("Oak chair", { maxWidth: 200, maxLines: 2, fontSize: 20 }, mono)).toEqual(["Oak chair"]);
  });

  it("wraps at spaces, every line within the width", () => {
    // 10 characters per line.
    const lines = fitLines(
      "Pearl espresso machine deluxe",
      { maxWidth: 100, maxLines: 4, fontSize: 20 },
      mono,
    );
    expect(lines).toEqual(["Pearl", "espresso", "machine", "deluxe"]);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(100);
  });

  it("keeps as many words per line as fit", () => {
    expect(fitLines("a bb ccc dddd eeeee", { maxWidth: 100, maxLines: 3, fontSize: 20 }, mono)).toEqual([
      "a bb ccc",
      "dddd eeeee",
    ]);
  });

  it("cuts the last allowed line with an ellipsis when the text needs more lines", () => {
    const lines = fitLines(
      "one two three four five six seven",
      { maxWidth: 100, maxLines: 2, fontSize: 20 },
      mono,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("one two");
    expect(lines[1]?.endsWith(ELLIPSIS)).toBe(true);
    expect(lines[1]?.startsWith("three four")).toBe(false); // "three four" alone is exactly 10: no room for "…"
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(100);
  });

  it("ends with an ellipsis even when the cut falls at a line break", () => {
    const lines = fitLines("aaaa bbbb cccc", { maxWidth: 100, maxLines: 1, fontSize: 20 }, mono);
    expect(lines).toEqual([`aaaa bbbb${ELLIPSIS}`]);
  });

  it("breaks a word longer than a line between characters", () => {
    const word = "x".repeat(25);
    const lines = fitLines(word, { maxWidth: 100, maxLines: 5, fontSize: 20 }, mono);
    expect(lines).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });

  it("truncates a 2,048-character word to the box", () => {
    const lines = fitLines("W".repeat(2048), { maxWidth: 100, maxLines: 2, fontSize: 20 }, mono);
    expect(lines).toEqual(["W".repeat(10), `${"W".repeat(9)}${ELLIPSIS}`]);
  });

  it("never splits a character cluster (accent, surrogate pair)", () => {
    const decomposed = "e\u0301"; // é as e + combining acute: two code points, one cluster
    const text = `${decomposed.repeat(12)} 𝐀𝐁𝐂`;
    const lines = fitLines(text, { maxWidth: 60, maxLines: 3, fontSize: 20 }, mono);
    for (const line of lines) {
      expect(line.startsWith("\u0301")).toBe(false);
      expect(line).toBe(line.normalize("NFC").normalize("NFD")); // nothing half-made
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it("answers no lines for empty text and for no lines allowed", () => {
    expect(fitLines("", { maxWidth: 100, maxLines: 2, fontSize: 20 }, mono)).toEqual([]);
    expect(fitLines("   ", { maxWidth: 100, maxLines: 2, fontSize: 20 }, mono)).toEqual([]);
    expect(fitLines("text", { maxWidth: 100, maxLines: 0, fontSize: 20 }, mono)).toEqual([]);
  });

  it("scales with the font size", () => {
    expect(fitLines("abcdefghij", { maxWidth: 100, maxLines: 1, fontSize: 40 }, mono)).toEqual([
      `abcd${ELLIPSIS}`,
    ]);
  });
});

describe("fitLine", () => {
  it("is one line, cut to fit", () => {
    expect(fitLine("Status unavailable", 100, 20, mono)).toBe(`Status un${ELLIPSIS}`);
    expect(fitLine("Shipped", 100, 20, mono)).toBe("Shipped");
  });
});

describe("drawableText", () => {
  it("keeps markup as literal text", () => {
    expect(drawableText("<script>alert(1)</script>", mono)).toBe("<script>alert(1)</script>");
  });

  it("removes bidirectional overrides and other invisible format characters", () => {
    expect(drawableText("Sofa \u202Eadroc\u202C\u200B and \u2066x\u2069", mono)).toBe("Sofa adroc and x");
  });

  it("makes line breaks, tabs, controls and space runs single spaces and trims", () => {
    expect(drawableText("  Oak\n\tchair\u0000 \u00A0 set  ", mono)).toBe("Oak chair set");
  });

  it("stands one box in for each cluster the font cannot draw", () => {
    expect(drawableText("Lamp 🎉 中文", mono)).toBe(`Lamp ${UNDRAWABLE} ${UNDRAWABLE}${UNDRAWABLE}`);
    // A family emoji is one cluster of seven code points.
    expect(drawableText("👨‍👩‍👧‍👦 set", mono)).toBe(`${UNDRAWABLE} set`);
  });

  it("keeps a drawable base and drops only the marks the font lacks", () => {
    expect(drawableText("☕\uFE0F cup", mono)).toBe("☕ cup");
  });

  it("falls back to ? when the font cannot draw the box either", () => {
    const noBox: Pick<TextMeasure, "canDraw"> = {
      canDraw: (codePoint) => mono.canDraw(codePoint) && codePoint !== UNDRAWABLE.codePointAt(0),
    };
    expect(drawableText("a 🎉", noBox)).toBe("a ?");
  });

  it("keeps right-to-left text", () => {
    expect(drawableText("שולחן عربي", mono)).toBe("שולחן عربي");
  });

  it("reads at most 1,000 characters of runaway input", () => {
    expect(Array.from(drawableText("a".repeat(50_000), mono))).toHaveLength(1000);
  });
});
