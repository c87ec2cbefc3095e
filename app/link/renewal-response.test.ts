import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expiredLinkClaims, mintLinkToken } from "@/lib/auth/link-token";
import { createSessionGuard } from "@/lib/auth/session-guard";
import type { Locale } from "@/lib/i18n/locales";
import { type FreshLinkDependencies, requestFreshLink } from "@/lib/notify/fresh-link";
import type { LinkRequestOutcome } from "@/lib/notify/link-request-counter";
import { createLinkRequestLimits } from "@/lib/notify/link-request-limits";
import { linkPageLocale } from "@/lib/plain-pages/page-locale";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRateLimiter } from "@/lib/store/rate-limit";
import { type StubWebhook, startStubWebhook } from "@/test-support/stub-webhook";
import { renewalResponse } from "./renewal-response";

const LINK_SECRET = "renewal-response-link-secret-0123456789ab";
const NEXTAUTH_SECRET = "renewal-response-nextauth-secret-01234567";
const NOW = Date.UTC(2026, 0, 10, 12);
const DAY = 24 * 60 * 60;

describe("the answer to “Email me a new link”", () => {
  let webhook: StubWebhook;
  let deps: FreshLinkDependencies;
  let outcomes: LinkRequestOutcome[];

  beforeAll(async () => {
    webhook = await startStubWebhook();
  });
  afterAll(() => webhook.close());
  beforeEach(() => {
    const store = createMemoryStore({ now: () => NOW });
    outcomes = [];
    deps = {
      linkSecret: LINK_SECRET,
      webhook: { url: webhook.url, secret: "renewal-response-webhook-secret-012345678" },
      publicBaseUrl: "https://orders.example.test",
      guard: createSessionGuard(store, NEXTAUTH_SECRET, { now: () => NOW }),
      linkRequestLimits: createLinkRequestLimits(
        createRateLimiter(store, { now: () => NOW }),
        NEXTAUTH_SECRET,
      ),
      now: () => NOW,
      webhookTimeoutMs: 200,
      log: () => {},
    };
  });

  const post = async (token: string, clientIp = "203.0.113.7", headers: Record<string, string> = {}) => {
    const body = new URLSearchParams({ token });
    const request = new Request("https://orders.example.test/link/renew", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": clientIp,
        ...headers,
      },
      body,
    });
    // The route's own wiring (app/link/renew/route.ts), with the test's clock and secret.
    const response = await renewalResponse(request, {
      requestFreshLink: async (posted, asked) => {
        outcomes.push(await requestFreshLink(posted, asked, deps));
      },
      signedLinkLang: async (posted) =>
        (await expiredLinkClaims(posted, { secret: LINK_SECRET, now: new Date(NOW) }))?.lang ?? null,
      pageContext: async (fromLink: Locale | null) => ({
        locale: linkPageLocale(request, fromLink),
        nonce: "abc123",
        origin: new URL("https://orders.example.test"),
      }),
      trustedProxyCount: 0,
      supportEmail: "help@example.test",
      sandboxOutboxUrl: null,
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  };

  const expired = (options: { lang?: Locale; secret?: string; userId?: string } = {}) =>
    mintLinkToken({
      userId: options.userId ?? "usr_alex",
      checkoutId: "chk_456",
      ttlSeconds: DAY,
      secret: options.secret ?? LINK_SECRET,
      now: new Date(NOW - 3 * DAY * 1000),
      lang: options.lang,
    });

  it("is the same page whether the webhook answered 200, 500 or not at all, or a limit was hit", async () => {
    const token = await expired();
    webhook.behaviour = "ok";
    const delivered = await post(token, "203.0.113.1");
    webhook.behaviour = "error";
    const rejected = await post(token, "203.0.113.2");
    webhook.behaviour = "hang";
    const timedOut = await post(token, "203.0.113.3");
    webhook.behaviour = "ok";
    const limited = await post(token, "203.0.113.4");
    const forged = await post(`${token.slice(0, -2)}xx`, "203.0.113.5");
    expect(outcomes).toEqual([
      "delivered",
      "webhook_rejected",
      "webhook_timeout",
      "rate_limited",
      "not_renewable",
    ]);

    expect(delivered.status).toBe(200);
    expect(delivered.body).toContain(
      "If this link was ours, a new one is on its way to the email address on your order.",
    );
    expect(delivered.body).toContain("help@example.test");
    for (const other of [rejected, timedOut, limited, forged]) expect(other).toEqual(delivered);
    // Neither the expired token nor the fresh link is ever echoed.
    expect(delivered.body).not.toContain(token);
    expect(delivered.body).not.toContain("token=");
  });

  describe("in the customer's language", () => {
    const sentLang = () => JSON.parse(webhook.received.at(-1)?.body ?? "{}").lang;
    const SPANISH_ANSWER =
      "Si el enlace es de The Sweet Spot, le enviaremos uno nuevo a la dirección de correo electrónico de su pedido.";

    beforeEach(() => {
      webhook.behaviour = "ok";
    });

    it("answers in Spanish for a Spanish link, and asks the operator for a Spanish email", async () => {
      const page = await post(await expired({ lang: "es", userId: "usr_es1" }), "203.0.113.21");
      expect(page.body).toContain('<html lang="es">');
      expect(page.body).toContain("<h1>Revise su correo</h1>");
      expect(page.body).toContain(SPANISH_ANSWER);
      expect(page.body).toContain('Escríbanos a <a href="mailto:help@example.test">help@example.test</a>.');
      expect(outcomes.at(-1)).toBe("delivered");
      expect(sentLang()).toBe("es");
    });

    it("takes the customer's own choice over the link's language", async () => {
      const page = await post(await expired({ lang: "es", userId: "usr_es2" }), "203.0.113.22", {
        Cookie: "theme=dark; locale=en",
      });
      expect(page.body).toContain('<html lang="en">');
      expect(sentLang()).toBe("en");
    });

    it("takes the link's language over the browser's", async () => {
      const page = await post(await expired({ lang: "es", userId: "usr_es3" }), "203.0.113.23", {
        "Accept-Language": "en-US,en;q=0.9",
      });
      expect(page.body).toContain('<html lang="es">');
      expect(sentLang()).toBe("es");
    });

    it("ignores the language of a forged link and follows the browser", async () => {
      const forged = await expired({ lang: "es", secret: "someone-elses-secret-0123456789abcdef" });
      const english = await post(forged, "203.0.113.24", { "Accept-Language": "en-US" });
      expect(english.body).toContain('<html lang="en">');
      const spanish = await post(forged, "203.0.113.25", { "Accept-Language": "es-MX" });
      expect(spanish.body).toContain('<html lang="es">');
      expect(outcomes.slice(-2)).toEqual(["not_renewable", "not_renewable"]);
    });
  });
});
