import { describe, expect, it } from "vitest";
import { sameOriginPath } from "@/lib/auth/return-path";
import { localeCookie, refererPath, switchBackPath } from "./language-switch";

describe("switchBackPath", () => {
  it("takes the first candidate that is a page of this origin", () => {
    expect(switchBackPath([null, "//evil.example", "/checkouts?page=2", "/signin"], sameOriginPath)).toBe(
      "/checkouts?page=2",
    );
  });

  it.each(["/", "/signin?reason=account", "/checkouts/chk_1", "/no-such-page"])("lets %j through", (path) => {
    expect(switchBackPath([path], sameOriginPath)).toBe(path);
  });

  it.each([
    "/api/checkouts/chk_1",
    "/api/status-image/chk_1?token=x",
    "/_next/static/chunk.js",
    "/signout",
    "/language?x=1",
    "/signin/sandbox",
    "/link",
    "/link?token=a.b.c",
    "/link/?token=a.b.c",
    "/link/renew",
  ])("sends %j, which is no page to come back to, to the front door", (path) => {
    expect(switchBackPath([path], sameOriginPath)).toBe("/");
  });

  it("does not mistake a page for a prefix of a route", () => {
    expect(switchBackPath(["/signouts"], sameOriginPath)).toBe("/signouts");
    expect(switchBackPath(["/languages"], sameOriginPath)).toBe("/languages");
    expect(switchBackPath(["/links"], sameOriginPath)).toBe("/links");
  });

  it("falls back to the front door with nothing usable", () => {
    expect(switchBackPath([], sameOriginPath)).toBe("/");
    expect(switchBackPath([undefined, 42, ["/checkouts"]], sameOriginPath)).toBe("/");
  });
});

describe("refererPath", () => {
  const origin = "http://127.0.0.1:3100";

  it("reads the path and query of a page of the same origin", () => {
    expect(refererPath(`${origin}/checkouts/chk_1?x=1#top`, origin)).toBe("/checkouts/chk_1?x=1");
  });

  it.each([
    null,
    "",
    "not a url",
    "http://127.0.0.1:3101/checkouts",
    "https://127.0.0.1:3100/checkouts",
    "http://evil.example/checkouts",
  ])("ignores %j", (referer) => {
    expect(refererPath(referer, origin)).toBeNull();
  });

  it("ignores a bare origin, all a page under strict-origin sends (the email-link pages)", () => {
    expect(refererPath(`${origin}/`, origin)).toBeNull();
    expect(refererPath(origin, origin)).toBeNull();
    expect(refererPath(`${origin}/?filter=active`, origin)).toBe("/?filter=active");
  });

  it("ignores everything when the origin is unknown", () => {
    expect(refererPath(`${origin}/checkouts`, "")).toBeNull();
  });
});

describe("localeCookie", () => {
  it("lasts a year on every path, HttpOnly and SameSite=Lax, Secure on https only", () => {
    expect(localeCookie("es", true)).toEqual({
      name: "locale",
      value: "es",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: 31_536_000 },
    });
    expect(localeCookie("en", false).options.secure).toBe(false);
  });
});
