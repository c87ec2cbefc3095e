import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  checkoutFingerprintPath,
  checkoutJsonPath,
  checkoutListPath,
  checkoutPath,
  emailLinkPath,
  signInPath,
  statusImagePath,
} from "./portal-urls";

describe("portal URLs", () => {
  it("encodes ids that come from the API", () => {
    expect(checkoutPath("chk_1/../x?y")).toBe("/checkouts/chk_1%2F..%2Fx%3Fy");
    expect(checkoutPath("chk_1", "payments")).toBe("/checkouts/chk_1#payments");
    expect(checkoutJsonPath("chk 1")).toBe("/api/checkouts/chk%201");
    expect(checkoutFingerprintPath("chk 1")).toBe("/api/checkouts/chk%201/fingerprint");
  });

  it("keeps the list's filter and page in the query, and leaves out the defaults", () => {
    expect(checkoutListPath()).toBe("/checkouts");
    expect(checkoutListPath({ filter: "all", page: 1 })).toBe("/checkouts");
    expect(checkoutListPath({ filter: "returns", page: 3 })).toBe("/checkouts?filter=returns&page=3");
  });

  it("builds sign-in, link and image URLs with their parameters encoded", () => {
    expect(signInPath()).toBe("/signin");
    expect(signInPath("/checkouts/chk_1", "account")).toBe(
      "/signin?callbackUrl=%2Fcheckouts%2Fchk_1&reason=account",
    );
    expect(emailLinkPath("a.b-c_d")).toBe("/link?token=a.b-c_d");
    expect(statusImagePath("chk_1", "t.k", 600)).toBe("/api/status-image/chk_1?token=t.k&w=600");
  });

  it("joins a path to a base URL with a prefix and no doubled slash", () => {
    expect(absoluteUrl("https://portal.example.com/", "/link?token=x")).toBe(
      "https://portal.example.com/link?token=x",
    );
    expect(absoluteUrl("https://example.com/portal", "/checkouts")).toBe(
      "https://example.com/portal/checkouts",
    );
  });
});
