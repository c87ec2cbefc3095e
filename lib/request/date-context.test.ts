import { describe, expect, it } from "vitest";
import { formattingLocale } from "./date-context";

describe("formattingLocale", () => {
  it.each([
    ["en", "en-GB,en;q=0.9", "en-GB"],
    ["en", "es-MX,en-US;q=0.5", "en-US"],
    ["es", "es-MX,es;q=0.9", "es-MX"],
    ["es", "en-US", "es-US"],
    ["en", null, "en-US"],
    ["es", "not a tag, *", "es-US"],
  ] as const)("%s with %j formats as %s", (locale, acceptLanguage, expected) => {
    expect(formattingLocale(locale, acceptLanguage)).toBe(expected);
  });
});
