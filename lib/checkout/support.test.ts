import { describe, expect, it } from "vitest";
import { shortReference, supportMailto, supportTel } from "./support";

describe("support links", () => {
  it("puts the checkout reference in the mail subject", () => {
    const href = supportMailto("help@example.com", "chk_alexpaymentfailed_Y8B3TK");
    expect(href.startsWith("mailto:help@example.com?subject=")).toBe(true);
    expect(decodeURIComponent(href.split("subject=")[1] ?? "")).toContain("chk_alexpaymentfailed_Y8B3TK");
  });

  it("writes a general subject without a checkout", () => {
    expect(decodeURIComponent(supportMailto("help@example.com", null))).toContain("subject=");
  });

  it("dials only digits and a leading plus", () => {
    expect(supportTel("+1 (555) 010-2000")).toBe("tel:+15550102000");
    expect(supportTel("0800 123+4")).toBe("tel:08001234");
  });

  it("shortens a checkout id to a reference customers can quote", () => {
    expect(shortReference("chk_alexpaymentfailed_Y8B3TK")).toBe("…Y8B3TK");
    expect(shortReference("abc")).toBe("abc");
  });
});
