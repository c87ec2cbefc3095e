import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath, sameOriginPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/checkouts", "/checkouts"],
    ["/checkouts/", "/checkouts/"],
    ["/checkouts/chk_abc", "/checkouts/chk_abc"],
    ["/checkouts/chk_abc-123/items", "/checkouts/chk_abc-123/items"],
    ["/checkouts?page=2&filter=returns", "/checkouts?page=2&filter=returns"],
    ["/checkouts/chk_abc?tab=history#top", "/checkouts/chk_abc?tab=history"],
    ["/", "/"],
    // Harmless dot segments are resolved, and the result is what we return.
    ["/checkouts/./chk_abc", "/checkouts/chk_abc"],
    ["/other/../checkouts/chk_abc", "/checkouts/chk_abc"],
    ["/checkouts/chk%5Fabc", "/checkouts/chk%5Fabc"],
  ])("keeps %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    // Other origins, however spelled.
    "//evil.example",
    "//evil.example/checkouts",
    "///evil.example",
    "https://evil.example",
    "https://evil.example/checkouts",
    "http:evil.example",
    "HTTPS://evil.example/checkouts",
    "HTTPS://EVIL.EXAMPLE",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%2f%2fevil.example",
    "/%2F/evil.example",
    "/checkouts/%2F%2Fevil.example",
    "/checkouts/%5C%5Cevil.example",
    "/%252F%252Fevil.example",
    "/checkouts/%252e%252e/api",
    // Script and data URLs.
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/javascript:alert(1)",
    // Whitespace and control-character tricks browsers strip or fold.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " /checkouts",
    "  //evil.example",
    "/checkouts /x",
    "/checkouts\u0000",
    "/%09/evil.example",
    "/checkouts/%00",
    "/\u3000/evil.example",
    "/\uFF0F\uFF0Fevil.example",
    "/checkouts/\u2028",
    // Paths the portal does not own, or that escape /checkouts.
    "/api/auth/signout",
    "/checkoutsevil",
    "/CHECKOUTS",
    "/checkouts/../api/auth/signout",
    "/checkouts/%2e%2e/api",
    "/checkouts/%2E%2E/%2E%2E/api",
    "/link?token=abc",
    // Malformed or empty.
    "",
    "checkouts",
    "/checkouts/%",
    "/checkouts/%zz",
    "/checkouts/%C3%28",
    `/checkouts/${"a".repeat(3000)}`,
  ])("sends %j to the fallback", (input) => {
    expect(safeReturnPath(input)).toBe(DEFAULT_RETURN_PATH);
  });

  it.each<[string, unknown]>([
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["an array from a repeated query parameter", ["/checkouts/chk_abc", "//evil.example"]],
    ["an object", { toString: () => "/checkouts" }],
    ["a URL object", new URL("https://evil.example/checkouts")],
  ])("sends %s to the fallback", (_label, input) => {
    expect(safeReturnPath(input)).toBe(DEFAULT_RETURN_PATH);
  });

  it("uses the caller's fallback", () => {
    expect(safeReturnPath("//evil.example", "/checkouts/chk_abc")).toBe("/checkouts/chk_abc");
    expect(safeReturnPath(undefined, "/")).toBe("/");
  });

  it("never returns anything that leaves the portal's origin when resolved", () => {
    const base = "https://portal.example.com";
    const attempts = [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "https://evil.example",
      "/%2F%2Fx",
    ];
    for (const attempt of attempts) {
      expect(new URL(safeReturnPath(attempt), base).origin).toBe(base);
    }
  });
});

describe("sameOriginPath", () => {
  it("lets any plain path of this origin through, normalized, whatever page it names", () => {
    expect(sameOriginPath("/signin?reason=account")).toBe("/signin?reason=account");
    expect(sameOriginPath("/no-such-page")).toBe("/no-such-page");
    expect(sameOriginPath("/a/./b/../c#top")).toBe("/a/c");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/x\u0000",
    "https://evil.example/",
    "javascript:alert(1)",
    "relative/path",
    "/%2F%2Fevil.example",
    "/%2e%2e%2fapi",
    "",
  ])("refuses %j", (input) => {
    expect(sameOriginPath(input)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(sameOriginPath(["/checkouts"])).toBeNull();
    expect(sameOriginPath(undefined)).toBeNull();
  });
});
