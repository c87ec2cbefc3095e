import { describe, expect, it } from "vitest";
import { postComesFrom } from "./same-origin";

const PORTAL = "https://orders.example.test";

function post(headers: Record<string, string>): Request {
  return new Request(`${PORTAL}/signout`, { method: "POST", headers });
}

describe("postComesFrom", () => {
  it("accepts a post whose Origin is the portal's", () => {
    expect(postComesFrom(post({ origin: PORTAL }), PORTAL)).toBe(true);
    expect(postComesFrom(post({ origin: PORTAL, "sec-fetch-site": "same-origin" }), PORTAL)).toBe(true);
  });

  it("compares the scheme and the port too, not just the host name", () => {
    expect(postComesFrom(post({ origin: "http://orders.example.test" }), PORTAL)).toBe(false);
    expect(postComesFrom(post({ origin: "https://orders.example.test:8443" }), PORTAL)).toBe(false);
  });

  it("ignores X-Forwarded-Host, which a client can set", () => {
    const forged = post({
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      host: "evil.example",
    });
    expect(postComesFrom(forged, PORTAL)).toBe(false);
  });

  it("refuses posts without an Origin, an opaque one, or a cross-site fetch", () => {
    expect(postComesFrom(post({}), PORTAL)).toBe(false);
    expect(postComesFrom(post({ origin: "null" }), PORTAL)).toBe(false);
    expect(postComesFrom(post({ origin: PORTAL, "sec-fetch-site": "cross-site" }), PORTAL)).toBe(false);
    expect(postComesFrom(post({ origin: "not a url" }), PORTAL)).toBe(false);
  });
});
