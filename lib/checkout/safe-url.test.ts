import { describe, expect, it } from "vitest";
import { isSafeExternalUrl } from "./safe-url";

const STRICT = { allowHttp: false };
const SANDBOX = { allowHttp: true };

describe("isSafeExternalUrl", () => {
  it("accepts absolute https URLs and returns the normalized href", () => {
    expect(isSafeExternalUrl("https://checkout.thesweetspot.example/c/chk_1", STRICT)).toBe(
      "https://checkout.thesweetspot.example/c/chk_1",
    );
    expect(isSafeExternalUrl("HTTPS://Checkout.Example", STRICT)).toBe("https://checkout.example/");
  });

  it("defaults to refusing http", () => {
    expect(isSafeExternalUrl("http://localhost:4010/c/1")).toBeNull();
  });

  it.each(["http://localhost:4010/c/1", "http://127.0.0.1/c", "http://[::1]:3000/c"])(
    "accepts %s only when http is allowed (local sandbox)",
    (url) => {
      expect(isSafeExternalUrl(url, STRICT)).toBeNull();
      expect(isSafeExternalUrl(url, SANDBOX)).toBe(new URL(url).href);
    },
  );

  it.each(["http://example.com/c", "http://localhost.evil.com/", "http://127.0.0.2/", "http://10.0.0.1/"])(
    "refuses http to non-loopback host %s even when http is allowed",
    (url) => {
      expect(isSafeExternalUrl(url, SANDBOX)).toBeNull();
    },
  );

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/path",
    "/checkouts/chk_1",
    "checkout.example/c",
    "https:evil.example",
    "https:/evil.example",
    "https:\\\\evil.example",
    "https://user:pw@x.example",
    "https://user@x.example",
    "https://:pw@x.example",
    " https://x.example",
    "https://x.example ",
    "https://x.exa mple",
    "https://x.example/\n",
    "https://x.example/\u0000",
    "\thttps://x.example",
    "https://",
    "",
    `https://x.example/${"a".repeat(2100)}`,
  ])("refuses %j", (url) => {
    expect(isSafeExternalUrl(url, STRICT)).toBeNull();
    expect(isSafeExternalUrl(url, SANDBOX)).toBeNull();
  });

  it("refuses missing values", () => {
    expect(isSafeExternalUrl(null, SANDBOX)).toBeNull();
    expect(isSafeExternalUrl(undefined, SANDBOX)).toBeNull();
  });
});
