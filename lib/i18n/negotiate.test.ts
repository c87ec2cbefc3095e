import { describe, expect, it } from "vitest";
import { chooseLocale, preferredLocale } from "./negotiate";

describe("preferredLocale", () => {
  it.each([
    ["es", "es"],
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["es-US", "es"],
    ["en-US,en;q=0.9,es;q=0.8", "en"],
    ["fr-FR,es;q=0.5", "es"],
    ["fr-FR,de;q=0.5", null],
    ["es;q=0,en", "en"],
    ["*", "en"],
    ["", null],
    ["\u0000garbage;;q=x", null],
  ])("%j → %j", (header, expected) => {
    expect(preferredLocale(header)).toBe(expected);
  });
});

describe("chooseLocale", () => {
  it("takes the customer's own choice over the link's language and the browser's", () => {
    expect(chooseLocale({ chosen: "en", fromLink: "es", acceptLanguage: "es" })).toBe("en");
  });

  it("takes the link's language over the browser's", () => {
    expect(chooseLocale({ fromLink: "es", acceptLanguage: "en-US" })).toBe("es");
  });

  it("passes over values it does not know", () => {
    expect(chooseLocale({ chosen: "fr", fromLink: "<script>", acceptLanguage: "es-MX" })).toBe("es");
  });

  it("speaks English when nothing says otherwise", () => {
    expect(chooseLocale({})).toBe("en");
    expect(chooseLocale({ chosen: null, fromLink: undefined, acceptLanguage: "de-DE" })).toBe("en");
  });
});
