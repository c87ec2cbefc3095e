import { describe, expect, it } from "vitest";
import { parsePortalConfig } from "../../lib/config/schema";
import { pointWebhookAtSandboxOutbox } from "./sandbox-outbox";

const secret = () => "s".repeat(43);

describe("pointWebhookAtSandboxOutbox", () => {
  it("points the webhook at the sandbox's outbox on its port, with a secret both sides share", () => {
    const env: Record<string, string | undefined> = { SWEETSPOT_SANDBOX: "1", SANDBOX_PORT: "4180" };
    pointWebhookAtSandboxOutbox(env, secret);
    expect(env.NOTIFY_WEBHOOK_URL).toBe("http://127.0.0.1:4180/__sandbox/outbox");
    expect(env.NOTIFY_WEBHOOK_SECRET).toBe(secret());
    const config = parsePortalConfig(env, () => "g".repeat(32));
    expect(config.ok && config.config.notifyWebhook).toEqual({
      url: env.NOTIFY_WEBHOOK_URL,
      secret: secret(),
    });
  });

  it("defaults to the sandbox's default port", () => {
    const env: Record<string, string | undefined> = {};
    pointWebhookAtSandboxOutbox(env, secret);
    expect(env.NOTIFY_WEBHOOK_URL).toBe("http://127.0.0.1:4010/__sandbox/outbox");
  });

  it("leaves a receiver the developer named alone", () => {
    const env: Record<string, string | undefined> = {
      NOTIFY_WEBHOOK_URL: "http://127.0.0.1:9000/hook",
      NOTIFY_WEBHOOK_SECRET: "mine",
    };
    pointWebhookAtSandboxOutbox(env, secret);
    expect(env).toEqual({ NOTIFY_WEBHOOK_URL: "http://127.0.0.1:9000/hook", NOTIFY_WEBHOOK_SECRET: "mine" });
  });
});
