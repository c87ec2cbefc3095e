import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  LINK_RENEWAL_WINDOW_SECONDS,
  MAX_LINK_TTL_SECONDS,
  mintLinkToken,
  verifyLinkToken,
} from "@/lib/auth/link-token";
import { createRevocations, type Revocations } from "@/lib/auth/revocations";
import { createSessionGuard } from "@/lib/auth/session-guard";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRateLimiter } from "@/lib/store/rate-limit";
import type { SharedStore } from "@/lib/store/shared-store";
import { type StubWebhook, startStubWebhook } from "@/test-support/stub-webhook";
import {
  FRESH_LINK_TTL_SECONDS,
  type FreshLinkDependencies,
  renewalOffer,
  requestFreshLink,
} from "./fresh-link";
import { linkRequestCounts } from "./link-request-counter";
import { createLinkRequestLimits, LINK_REQUEST_LIMITS } from "./link-request-limits";
import { verifyWebhookSignature } from "./webhook-signature";

const LINK_SECRET = "fresh-link-test-link-secret-0123456789abc";
const WEBHOOK_SECRET = "fresh-link-test-webhook-secret-0123456789";
const NEXTAUTH_SECRET = "fresh-link-test-nextauth-secret-0123456789";
const NOW = Date.UTC(2026, 0, 10, 12);
const DAY = 24 * 60 * 60;

const expiredToken = (options: { tokenId?: string; secret?: string; checkoutId?: string | null } = {}) =>
  mintLinkToken({
    userId: "usr_alex",
    checkoutId: options.checkoutId === undefined ? "chk_456" : options.checkoutId,
    ttlSeconds: DAY,
    secret: options.secret ?? LINK_SECRET,
    now: new Date(NOW - 3 * DAY * 1000),
    tokenId: options.tokenId ?? "jti_expired_0001",
  });

describe("a new link for an expired one", () => {
  let webhook: StubWebhook;
  let store: SharedStore;
  let revocations: Revocations;
  let logged: string[];
  let deps: FreshLinkDependencies;

  beforeAll(async () => {
    webhook = await startStubWebhook();
  });
  afterAll(() => webhook.close());
  beforeEach(() => {
    webhook.received.length = 0;
    webhook.behaviour = "ok";
    store = createMemoryStore({ now: () => NOW });
    // What `npm run revoke` writes; the flow reads it through the portal's SessionGuard.
    revocations = createRevocations(store, NEXTAUTH_SECRET, { now: () => NOW });
    logged = [];
    deps = {
      linkSecret: LINK_SECRET,
      webhook: { url: webhook.url, secret: WEBHOOK_SECRET },
      publicBaseUrl: "https://orders.example.test",
      guard: createSessionGuard(store, NEXTAUTH_SECRET, { now: () => NOW }),
      linkRequestLimits: createLinkRequestLimits(
        createRateLimiter(store, { now: () => NOW }),
        NEXTAUTH_SECRET,
      ),
      now: () => NOW,
      // Generous, so a loaded machine never turns "delivered" into a timeout; the hang test sets its own.
      webhookTimeoutMs: 5000,
      log: (line) => logged.push(line),
    };
  });

  it("offers a new link by email for an expired, unrevoked link", async () => {
    expect(await renewalOffer(await expiredToken(), deps)).toBe("email_new_link");
  });

  it("offers nothing for forged, garbled or revoked links", async () => {
    await revocations.revokeLink("jti_revoked_0001", NOW / 1000 - 2 * DAY);
    const forged = await expiredToken({ secret: "someone-elses-secret-0123456789abcdef" });
    expect(await renewalOffer(forged, deps)).toBe("none");
    expect(await renewalOffer("garbled.token.here", deps)).toBe("none");
    expect(await renewalOffer(await expiredToken({ tokenId: "jti_revoked_0001" }), deps)).toBe("none");
  });

  describe("a genuine expired link minted without a jti (by another minter)", () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({
      sub: "usr_alex",
      checkout: "chk_456",
      aud: "checkout-portal",
      iat: NOW / 1000 - 3 * DAY,
      exp: NOW / 1000 - 2 * DAY,
    })}`;
    const withoutJti = `${input}.${createHmac("sha256", LINK_SECRET).update(input).digest("base64url")}`;

    it("gets a new link, sent to the customer's own address, which carries a jti", async () => {
      expect(await renewalOffer(withoutJti, deps)).toBe("email_new_link");
      expect(await requestFreshLink(withoutJti, { clientIp: "203.0.113.7", locale: "en" }, deps)).toBe(
        "delivered",
      );
      const [sent] = webhook.received;
      const payload = JSON.parse(sent?.body ?? "{}");
      expect(payload).toMatchObject({ userId: "usr_alex", checkoutId: "chk_456" });
      const fresh = await verifyLinkToken(new URL(payload.url).searchParams.get("token"), {
        secret: LINK_SECRET,
        now: new Date(NOW),
      });
      expect(fresh).toMatchObject({ ok: true, claims: { userId: "usr_alex", tokenId: expect.any(String) } });
    });

    it("gets nothing once its customer is revoked", async () => {
      await revocations.revokeUser("usr_alex", NOW / 1000 + 30 * DAY);
      expect(await renewalOffer(withoutJti, deps)).toBe("none");
    });
  });

  it("offers nothing to, and never calls the webhook for, a customer revoked since the link was issued", async () => {
    const token = await expiredToken();
    await revocations.revokeUser("usr_alex", NOW / 1000 + 30 * DAY);
    expect(await renewalOffer(token, deps)).toBe("none");
    expect(await requestFreshLink(token, { clientIp: "203.0.113.7", locale: "en" }, deps)).toBe(
      "not_renewable",
    );
    expect(webhook.received).toHaveLength(0);
  });

  it("fails closed when the revocation list cannot be read", async () => {
    const unverifiable = { ...deps, guard: { linkVerdict: async () => "unverifiable" as const } };
    expect(await renewalOffer(await expiredToken(), unverifiable)).toBe("none");
  });

  it("points to support instead when no webhook is configured", async () => {
    expect(await renewalOffer(await expiredToken(), { ...deps, webhook: null })).toBe("contact_support");
    expect(
      await requestFreshLink(
        await expiredToken(),
        { clientIp: "203.0.113.7", locale: "en" },
        { ...deps, webhook: null },
      ),
    ).toBe("no_webhook_configured");
  });

  it("sends the webhook a signed, fresh link for the same customer and checkout with a new jti", async () => {
    expect(
      await requestFreshLink(await expiredToken(), { clientIp: "203.0.113.7", locale: "en" }, deps),
    ).toBe("delivered");
    expect(webhook.received).toHaveLength(1);
    const [sent] = webhook.received;
    expect(sent?.contentType).toBe("application/json");
    const signature = await verifyWebhookSignature(sent?.signature, sent?.body ?? "", WEBHOOK_SECRET, {
      nowSeconds: NOW / 1000,
    });
    expect(signature.ok).toBe(true);
    const payload = JSON.parse(sent?.body ?? "{}");
    expect(payload).toEqual({
      type: "portal.link_requested",
      userId: "usr_alex",
      checkoutId: "chk_456",
      url: expect.stringMatching(/^https:\/\/orders\.example\.test\/link\?token=[\w.-]+$/),
      lang: "en",
      requestedAt: "2026-01-10T12:00:00.000Z",
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const fresh = await verifyLinkToken(new URL(payload.url).searchParams.get("token"), {
      secret: LINK_SECRET,
      now: new Date(NOW),
    });
    expect(fresh.ok && fresh.claims).toMatchObject({
      userId: "usr_alex",
      checkoutId: "chk_456",
      expiresAt: NOW / 1000 + FRESH_LINK_TTL_SECONDS,
    });
    expect(fresh.ok && fresh.claims.tokenId).not.toBe("jti_expired_0001");
  });

  it("asks for the email in the customer's language, and the new link carries it", async () => {
    const english = await expiredToken();
    expect(await requestFreshLink(english, { clientIp: "203.0.113.7", locale: "es" }, deps)).toBe(
      "delivered",
    );
    const payload = JSON.parse(webhook.received[0]?.body ?? "{}");
    expect(payload.lang).toBe("es");
    const fresh = await verifyLinkToken(new URL(payload.url).searchParams.get("token"), {
      secret: LINK_SECRET,
      now: new Date(NOW),
    });
    expect(fresh.ok && fresh.claims.lang).toBe("es");
  });

  it("sends a null checkout for an account link", async () => {
    await requestFreshLink(
      await expiredToken({ checkoutId: null }),
      { clientIp: "203.0.113.7", locale: "en" },
      deps,
    );
    expect(JSON.parse(webhook.received[0]?.body ?? "{}").checkoutId).toBeNull();
  });

  it("logs and counts a webhook that answers 500 or does not answer, never with the link", async () => {
    const before = linkRequestCounts();
    webhook.behaviour = "error";
    expect(
      await requestFreshLink(await expiredToken(), { clientIp: "203.0.113.7", locale: "en" }, deps),
    ).toBe("webhook_rejected");
    webhook.behaviour = "hang";
    expect(
      await requestFreshLink(
        await expiredToken(),
        { clientIp: "203.0.113.8", locale: "en" },
        { ...deps, webhookTimeoutMs: 200 },
      ),
    ).toBe("webhook_timeout");
    const after = linkRequestCounts();
    expect((after.webhook_rejected ?? 0) - (before.webhook_rejected ?? 0)).toBe(1);
    expect((after.webhook_timeout ?? 0) - (before.webhook_timeout ?? 0)).toBe(1);
    expect(logged).toEqual([
      "[notify] a new-link request was not delivered: webhook_rejected",
      "[notify] a new-link request was not delivered: webhook_timeout",
    ]);
  });

  it("stops calling the webhook once a customer has asked too often this hour", async () => {
    const token = await expiredToken();
    for (let index = 0; index < LINK_REQUEST_LIMITS.perCustomerPerHour; index++) {
      expect(await requestFreshLink(token, { clientIp: `203.0.113.${index}`, locale: "en" }, deps)).toBe(
        "delivered",
      );
    }
    expect(await requestFreshLink(token, { clientIp: "198.51.100.1", locale: "en" }, deps)).toBe(
      "rate_limited",
    );
    expect(webhook.received).toHaveLength(LINK_REQUEST_LIMITS.perCustomerPerHour);
  });

  it("never calls the webhook for a link it would not renew", async () => {
    const forged = await expiredToken({ secret: "someone-elses-secret-0123456789abcdef" });
    expect(await requestFreshLink(forged, { clientIp: "203.0.113.7", locale: "en" }, deps)).toBe(
      "not_renewable",
    );
    expect(await requestFreshLink(null, { clientIp: "203.0.113.7", locale: "en" }, deps)).toBe(
      "not_renewable",
    );
    expect(webhook.received).toHaveLength(0);
  });
});

describe("a customer revoked just after a link was emailed", () => {
  it("gets no new link for as long as that link could ask for one, even when the revocation asked to be kept less", async () => {
    let nowMs = NOW;
    const clock = () => nowMs;
    const store = createMemoryStore({ now: clock });
    const deps: FreshLinkDependencies = {
      linkSecret: LINK_SECRET,
      // No webhook: a renewable link is offered the support contact, which is enough to tell.
      webhook: null,
      publicBaseUrl: null,
      guard: createSessionGuard(store, NEXTAUTH_SECRET, { now: clock }),
      linkRequestLimits: createLinkRequestLimits(createRateLimiter(store, { now: clock }), NEXTAUTH_SECRET),
      now: clock,
    };
    const longestLink = (userId: string, tokenId: string) =>
      mintLinkToken({
        userId,
        checkoutId: null,
        ttlSeconds: MAX_LINK_TTL_SECONDS,
        secret: LINK_SECRET,
        now: new Date(NOW),
        tokenId,
      });
    const alexs = await longestLink("usr_alex", "jti_alex_longest");
    const blairs = await longestLink("usr_blair", "jti_blair_longest");

    nowMs = NOW + 1000;
    // 30 days: what `npm run revoke -- --user` kept a customer revocation for by default before.
    await createRevocations(store, NEXTAUTH_SECRET, { now: clock }).revokeUser(
      "usr_alex",
      NOW / 1000 + 30 * DAY,
    );

    // The last second such a link may still ask for a new one (Blair's shows it is still renewable).
    nowMs = NOW + (MAX_LINK_TTL_SECONDS + LINK_RENEWAL_WINDOW_SECONDS) * 1000;
    expect(await renewalOffer(blairs, deps)).toBe("contact_support");
    expect(await renewalOffer(alexs, deps)).toBe("none");
  });
});
