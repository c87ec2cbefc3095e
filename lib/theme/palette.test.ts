import { describe, expect, it } from "vitest";
import { customPropertyOf, DARK, LIGHT, paletteCss } from "./palette";

describe("the palette", () => {
  // The React pages read the palette from palette.css; this test writes it (`npx vitest run lib/theme -u`)
  // and fails while it differs from palette.ts, so the two cannot drift.
  it("is palette.css, generated from palette.ts", async () => {
    await expect(`${PALETTE_CSS_HEADER}${paletteCss()}`).toMatchFileSnapshot("./palette.css");
  });

  it("names every colour the same way in light and dark", () => {
    expect(Object.keys(DARK)).toEqual(Object.keys(LIGHT));
    expect(customPropertyOf("accentStrong")).toBe("--color-accent-strong");
    expect(customPropertyOf("bg")).toBe("--color-bg");
  });

  it("switches to the dark colours by preference", () => {
    const [light, dark] = paletteCss().split("@media (prefers-color-scheme: dark)");
    expect(light).toContain(`--color-accent-strong: ${LIGHT.accentStrong};`);
    expect(dark).toContain(`--color-accent-strong: ${DARK.accentStrong};`);
  });
});

const PALETTE_CSS_HEADER =
  "/* Generated from lib/theme/palette.ts by its test (npx vitest run lib/theme -u): edit palette.ts, not this file. */\n";
