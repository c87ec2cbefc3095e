import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./webhook-signature";

const SECRET = "notify-secret-for-tests-0123456789abcdef";
const BODY = JSON.stringify({ type: "portal.link_requested", userId: "usr_123" });
const T = 1_767_225_600;

describe("webhook signatures", () => {
  it("is HMAC-SHA256 over t.body in hex, as docs/notifications.md tells receivers", async () => {
    const header = await signWebhookBody(BODY, SECRET, T);
    const expected = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(header).toBe(`t=${T},v1=${expected}`);
  });

  it("verifies for a receiver with the same secret, within the tolerance", async () => {
    const header = await signWebhookBody(BODY, SECRET, T);
    expect(await verifyWebhookSignature(header, BODY, SECRET, { nowSeconds: T + 299 })).toEqual({
      ok: true,
      timestamp: T,
    });
  });

  it("fails with the wrong secret or a changed body", async () => {
    const header = await signWebhookBody(BODY, SECRET, T);
    const other = "another-secret-of-sufficient-length-000000";
    expect(await verifyWebhookSignature(header, BODY, other, { nowSeconds: T })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(await verifyWebhookSignature(header, `${BODY} `, SECRET, { nowSeconds: T })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("rejects a replay: a correctly signed request whose timestamp is too old (or too far ahead)", async () => {
    const header = await signWebhookBody(BODY, SECRET, T);
    expect(await verifyWebhookSignature(header, BODY, SECRET, { nowSeconds: T + 301 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(await verifyWebhookSignature(header, BODY, SECRET, { nowSeconds: T - 301 })).toEqual({
      ok: false,
      reason: "stale",
    });
  });

  it("rejects a moved timestamp, since it is part of what is signed", async () => {
    const header = await signWebhookBody(BODY, SECRET, T);
    const moved = header.replace(`t=${T}`, `t=${T + 1000}`);
    expect(await verifyWebhookSignature(moved, BODY, SECRET, { nowSeconds: T + 1000 })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it.each([null, "", "v1=abc", `t=${T}`, `t=${T},v1=XYZ`, `t=-1,v1=${"0".repeat(64)}`])(
    "calls %j malformed",
    async (header) => {
      expect(await verifyWebhookSignature(header, BODY, SECRET, { nowSeconds: T })).toEqual({
        ok: false,
        reason: "malformed",
      });
    },
  );
});
