import http from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signWebhookBody } from "../lib/notify/webhook-signature";
import { expectError, type RunningSandbox, startSandbox } from "./testing";

const SECRET = "sandbox-outbox-test-secret-0123456789abc";
const NOW = new Date("2026-03-10T12:00:00.000Z");
const NOW_SECONDS = NOW.getTime() / 1000;

const payload = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: "portal.link_requested",
    userId: "usr_demo_alex",
    checkoutId: "chk_456",
    url: "http://127.0.0.1:3000/link?token=aaa.bbb.ccc",
    requestedAt: NOW.toISOString(),
    requestId: "6f1c4c1e-4f53-4a35-9a43-1ac3d9f0f001",
    ...overrides,
  });

let running: RunningSandbox;
let clock: Date;

beforeEach(async () => {
  clock = NOW;
  running = await startSandbox({ now: NOW, currentTime: () => clock, notifyWebhookSecret: SECRET });
});
afterEach(() => running.close());

async function deliver(body: string, signature: string | null): Promise<Response> {
  return running.control("/outbox", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(signature ? { "X-Portal-Signature": signature } : {}),
    },
    body,
  });
}

describe("the sandbox outbox", () => {
  it("keeps a correctly signed notification and lists it as HTML and JSON", async () => {
    const body = payload();
    const response = await deliver(body, await signWebhookBody(body, SECRET, NOW_SECONDS));
    expect(response.status).toBe(202);

    const json = (await (await running.control("/outbox?format=json")).json()) as { emails: unknown[] };
    expect(json.emails).toEqual([{ ...JSON.parse(body), receivedAt: NOW.toISOString() }]);

    const page = await running.control("/outbox");
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<a href="http://127.0.0.1:3000/link?token=aaa.bbb.ccc">Open the new link</a>');
    expect(html).toContain("usr_demo_alex, checkout chk_456");
  });

  it("refuses a wrong secret, a changed body and a missing signature", async () => {
    const body = payload();
    const wrong = await signWebhookBody(body, "not-the-sandbox-secret-0123456789abcdef", NOW_SECONDS);
    await expectError(await deliver(body, wrong), 401, "signature_mismatch");
    const right = await signWebhookBody(body, SECRET, NOW_SECONDS);
    await expectError(await deliver(payload({ userId: "usr_demo_blair" }), right), 401, "signature_mismatch");
    await expectError(await deliver(body, null), 401, "signature_malformed");
    expect(
      ((await (await running.control("/outbox?format=json")).json()) as { emails: unknown[] }).emails,
    ).toEqual([]);
  });

  it("refuses a replay: the same signed request, once its timestamp is more than five minutes old", async () => {
    const body = payload();
    const signature = await signWebhookBody(body, SECRET, NOW_SECONDS);
    clock = new Date(NOW.getTime() + 301_000);
    await expectError(await deliver(body, signature), 401, "signature_stale");
  });

  it("sends one email per request id", async () => {
    const body = payload();
    const signature = await signWebhookBody(body, SECRET, NOW_SECONDS);
    expect((await deliver(body, signature)).status).toBe(202);
    expect((await deliver(body, signature)).status).toBe(200);
    const json = (await (await running.control("/outbox?format=json")).json()) as { emails: unknown[] };
    expect(json.emails).toHaveLength(1);
  });

  it("escapes what it shows and refuses a non-http link", async () => {
    const hostile = payload({ userId: "<script>alert(1)</script>", requestId: "r-2" });
    expect((await deliver(hostile, await signWebhookBody(hostile, SECRET, NOW_SECONDS))).status).toBe(202);
    expect(await (await running.control("/outbox")).text()).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;",
    );
    const script = payload({ url: "javascript:alert(1)", requestId: "r-3" });
    await expectError(
      await deliver(script, await signWebhookBody(script, SECRET, NOW_SECONDS)),
      400,
      "invalid_payload",
    );
  });

  it("answers only on loopback and refuses other sites, like every control endpoint", async () => {
    // fetch will not send a foreign Host header; node:http will (DNS rebinding looks like this).
    const reboundStatus = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.get(
        `${running.baseUrl}/__sandbox/outbox`,
        { headers: { Host: "evil.example" } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      request.on("error", reject);
    });
    expect(reboundStatus).toBe(403);
    const crossSite = await running.control("/outbox", { headers: { Origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
  });
});

describe("the sandbox outbox without a secret", () => {
  it("refuses deliveries rather than keep unchecked ones", async () => {
    const bare = await startSandbox({ now: NOW });
    try {
      const body = payload();
      const response = await bare.control("/outbox", {
        method: "POST",
        headers: { "X-Portal-Signature": await signWebhookBody(body, SECRET, NOW_SECONDS) },
        body,
      });
      await expectError(response, 503, "not_configured");
    } finally {
      await bare.close();
    }
  });
});
