import { describe, expect, it } from "vitest";
import { checkoutFingerprint, fingerprintEtag, matchesIfNoneMatch } from "./fingerprint";
import type { CheckoutView } from "./types";

// Only the fingerprint's input matters here: any JSON-able view stands in for a real one.
const view = (status: string) => ({ id: "chk_1", title: "Sofa", status }) as unknown as CheckoutView;

describe("checkout fingerprint", () => {
  it("is the same for the same view and changes when anything visible changes", async () => {
    const first = await checkoutFingerprint(view("Order confirmed"));
    expect(await checkoutFingerprint(view("Order confirmed"))).toBe(first);
    expect(await checkoutFingerprint(view("On its way"))).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("matches If-None-Match lists, weak validators and *, and nothing else", () => {
    expect(matchesIfNoneMatch(`"abc"`, "abc")).toBe(true);
    expect(matchesIfNoneMatch(`"x", W/"abc"`, "abc")).toBe(true);
    expect(matchesIfNoneMatch("*", "abc")).toBe(true);
    expect(matchesIfNoneMatch(`"abd"`, "abc")).toBe(false);
    expect(matchesIfNoneMatch("abc", "abc")).toBe(false);
    expect(matchesIfNoneMatch(null, "abc")).toBe(false);
    expect(fingerprintEtag("abc")).toBe(`"abc"`);
  });
});
