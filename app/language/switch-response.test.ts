import { describe, expect, it } from "vitest";
import { postComesFrom } from "@/lib/auth/same-origin";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { type LanguageSwitchContext, languageSwitchResponse } from "./switch-response";

const PORTAL = "https://orders.example.test";

function context(
  overrides: Partial<LanguageSwitchContext> = {},
  locale: Locale = "en",
): LanguageSwitchContext {
  return {
    comesFromPortal: (request) => postComesFrom(request, PORTAL),
    https: true,
    locale,
    translator: translatorFor(locale),
    ...overrides,
  };
}

function post(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${PORTAL}/language`, {
    method: "POST",
    headers: { origin: PORTAL, "sec-fetch-site": "same-origin", ...headers },
    body: new URLSearchParams(fields),
  });
}

describe("the language switch", () => {
  it("remembers the choice for a year and goes back to the page, 303", async () => {
    const response = await languageSwitchResponse(
      post({ locale: "es", back: "/checkouts/chk_1" }),
      context(),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/checkouts/chk_1");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^locale=es;/);
    expect(cookie).toMatch(/Max-Age=31536000/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Secure/i);
  });

  it("sets a cookie without Secure over plain http, where a Secure one would be dropped", async () => {
    const response = await languageSwitchResponse(post({ locale: "en" }), context({ https: false }));
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^locale=en;/);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("keeps the page's query", async () => {
    const response = await languageSwitchResponse(
      post({ locale: "es", back: "/signin?callbackUrl=%2Fcheckouts%2Fchk_1&reason=account" }),
      context(),
    );
    expect(response.headers.get("location")).toBe("/signin?callbackUrl=%2Fcheckouts%2Fchk_1&reason=account");
  });

  it("prefers the Referer of this origin, which follows client-side navigation", async () => {
    const response = await languageSwitchResponse(
      post({ locale: "es", back: "/checkouts" }, { referer: `${PORTAL}/checkouts/chk_2?x=1` }),
      context(),
    );
    expect(response.headers.get("location")).toBe("/checkouts/chk_2?x=1");
  });

  it("ignores a Referer from another origin and uses the form's page", async () => {
    const response = await languageSwitchResponse(
      post({ locale: "es", back: "/checkouts" }, { referer: "https://evil.example/checkouts/chk_2" }),
      context(),
    );
    expect(response.headers.get("location")).toBe("/checkouts");
  });

  it("never goes back to an email link, whose address holds its token", async () => {
    for (const [back, referer] of [
      ["/link?token=a.b.c", undefined],
      ["/checkouts", `${PORTAL}/link?token=a.b.c`],
      ["/link?token=a.b.c", `${PORTAL}/link?token=a.b.c`],
    ] as const) {
      const response = await languageSwitchResponse(
        post({ locale: "es", back }, referer ? { referer } : {}),
        context(),
      );
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(back === "/checkouts" ? "/checkouts" : "/");
      expect(response.headers.get("set-cookie")).toMatch(/^locale=es;/);
      expect(response.headers.get("set-cookie")).not.toContain("a.b.c");
    }
  });

  it("follows the form from a link page, whose strict-origin Referer is the bare origin", async () => {
    const response = await languageSwitchResponse(
      post({ locale: "en", back: "/signin" }, { referer: `${PORTAL}/` }),
      context(),
    );
    expect(response.headers.get("location")).toBe("/signin");
  });

  it.each([
    "//evil.example",
    "https://evil.example/checkouts",
    "HTTPS://EVIL.EXAMPLE",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/checkouts\r\nSet-Cookie: x=1",
    "/%2F%2Fevil.example",
    "/checkouts/%2e%2e/%2e%2e/api",
    "javascript:alert(1)",
    "checkouts",
    "",
    "/api/checkouts/chk_1",
    "/signout",
    "/language",
    "/_next/static/x.js",
  ])("sends a back of %j to the front door", async (back) => {
    const response = await languageSwitchResponse(post({ locale: "es", back }), context());
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(response.headers.get("set-cookie")).toMatch(/^locale=es;/);
  });

  it("goes to the front door without any page to go back to", async () => {
    const response = await languageSwitchResponse(post({ locale: "en" }), context());
    expect(response.headers.get("location")).toBe("/");
  });

  it.each(["fr", "ES", "es-MX", "", "english"])(
    "refuses the unknown language %j with a 400 that names the choices, and sets nothing",
    async (locale) => {
      const response = await languageSwitchResponse(post({ locale, back: "/checkouts" }), context());
      expect(response.status).toBe(400);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.text()).toBe(
        "We can’t show the portal in that language. Choose English or Español.",
      );
    },
  );

  it("refuses a post without a language, or that is not a form, in the customer's language", async () => {
    const empty = await languageSwitchResponse(post({}), context({}, "es"));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toBe("No podemos mostrar el portal en ese idioma. Elija English o Español.");
    const notAForm = new Request(`${PORTAL}/language`, {
      method: "POST",
      headers: { origin: PORTAL, "content-type": "application/json" },
      body: '{"locale":"es"}',
    });
    const answer = await languageSwitchResponse(notAForm, context());
    expect(answer.status).toBe(400);
    expect(answer.headers.get("set-cookie")).toBeNull();
  });

  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
    ["no Origin at all", { origin: "" }],
    ["an opaque Origin", { origin: "null" }],
  ])("refuses %s with a 403 and sets nothing", async (_, headers) => {
    const response = await languageSwitchResponse(
      post({ locale: "es", back: "/checkouts" }, headers),
      context(),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toBe("Changing the language from another site was refused.");
  });
});
