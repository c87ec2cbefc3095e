import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readGlyphMetrics } from "./truetype";

const font = (file: string) => readFileSync(new URL(`../../assets/fonts/${file}`, import.meta.url));
const code = (character: string) => character.codePointAt(0) ?? -1;

describe("readGlyphMetrics on the shipped fonts", () => {
  const regular = readGlyphMetrics(font("DejaVuSans.ttf"));
  const bold = readGlyphMetrics(font("DejaVuSans-Bold.ttf"));

  it("reads the em size and the advances the font declares", () => {
    expect(regular.unitsPerEm).toBe(2048);
    // DejaVu Sans: "A" is 1401 units wide, a space 651; bold is wider.
    expect(regular.advances.get(code("A"))).toBe(1401);
    expect(regular.advances.get(code(" "))).toBe(651);
    expect(bold.advances.get(code("A"))).toBeGreaterThan(1401);
  });

  it("covers the scripts and symbols the images use", () => {
    for (const character of ["a", "Z", "é", "ß", "Ж", "Ω", "א", "ع", "…", "□", "●", "–", "·"]) {
      expect(regular.advances.has(code(character)), character).toBe(true);
      expect(bold.advances.has(code(character)), character).toBe(true);
    }
  });

  it("does not claim characters it has no glyph for", () => {
    for (const character of ["🎉", "🦄", "中", "한", "\u{10FFFF}"]) {
      expect(regular.advances.has(code(character)), character).toBe(false);
    }
  });

  it("refuses WOFF2 and other non-TrueType bytes", () => {
    const woff2 = new Uint8Array(64);
    woff2.set([0x77, 0x4f, 0x46, 0x32]); // "wOF2"
    expect(() => readGlyphMetrics(woff2)).toThrow(/WOFF/);
  });
});
