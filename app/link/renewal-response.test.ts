import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mintLinkToken } from "@/lib/auth/link-token";
import { createRevocations } from "@/lib/auth/revocations";
import { type FreshLinkDependencies, requestFreshLink } from "@/lib/notify/fresh-link";
import type { LinkRequestOutcome } from "@/lib/notify/link-request-counter";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRateLimiter } from "@/lib/store/rate-limit";
import { type StubWebhook, startStubWebhook } from "@/test-support/stub-webhook";
import { renewalResponse } from "./renewal-response";

const LINK_SECRET = "renewal-response-link-secret-0123456789ab";
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
      revocations: createRevocations(store, { now: () => NOW }),
      limiter: createRateLimiter(store, { now: () => NOW }),
      now: () => NOW,
      webhookTimeoutMs: 200,
      log: () => {},
    };
  });

  const post = async (token: string, clientIp = "203.0.113.7") => {
    const body = new URLSearchParams({ token });
    const request = new Request("https://orders.example.test/link/renew", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": clientIp },
      body,
    });
    const response = await renewalResponse(
      request,
      { nonce: "abc123", origin: new URL("https://orders.example.test") },
      {
        requestFreshLink: async (posted, ip) => {
          outcomes.push(await requestFreshLink(posted, { clientIp: ip }, deps));
        },
        trustedProxyCount: 0,
        supportEmail: "help@example.test",
        sandboxOutboxUrl: null,
      },
    );
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  };

  const expired = () =>
    mintLinkToken({
      userId: "usr_alex",
      checkoutId: "chk_456",
      ttlSeconds: DAY,
      secret: LINK_SECRET,
      now: new Date(NOW - 3 * DAY * 1000),
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
});
