import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { imageFonts } from "./fonts";

/** Every character of every message in a language, once. */
function charactersOf(tree: object): Set<string> {
  const characters = new Set<string>();
  for (const value of Object.values(tree)) {
    if (typeof value === "string") for (const character of value) characters.add(character);
    else for (const character of charactersOf(value)) characters.add(character);
  }
  return characters;
}

describe("the image fonts", () => {
  const { regular, bold } = imageFonts();

  it("draw Spanish's accented letters and inverted marks, upper and lower case", () => {
    for (const character of "áéíóúüñÁÉÍÓÚÜÑ¿¡–…·") {
      const codePoint = character.codePointAt(0) ?? 0;
      expect(regular.canDraw(codePoint), character).toBe(true);
      expect(bold.canDraw(codePoint), character).toBe(true);
    }
  });

  it.each(LOCALES)("draw every character of every %s message (nothing turns into □)", (locale) => {
    const missing = [...charactersOf(MESSAGES[locale])].filter(
      (character) =>
        !regular.canDraw(character.codePointAt(0) ?? 0) || !bold.canDraw(character.codePointAt(0) ?? 0),
    );
    expect(missing).toEqual([]);
  });
});
