import { describe, expect, it } from "vitest";
import { readSandboxConfig } from "./config";
import { DEFAULT_SANDBOX_PORT, SANDBOX_DEV_API_KEY } from "./server";

describe("readSandboxConfig", () => {
  it("defaults to port 4010, the dev key and no synthetic checkouts", () => {
    expect(readSandboxConfig({})).toEqual({
      ok: true,
      config: {
        port: DEFAULT_SANDBOX_PORT,
        apiKey: SANDBOX_DEV_API_KEY,
        extraCheckouts: 0,
        notifyWebhookSecret: null,
        rateLimit: null,
      },
    });
    expect(DEFAULT_SANDBOX_PORT).toBe(4010);
    expect(SANDBOX_DEV_API_KEY).toBe("sk_sandbox_dev_key");
  });

  it("reads SANDBOX_PORT, SWEETSPOT_API_KEY, SANDBOX_CHECKOUTS and NOTIFY_WEBHOOK_SECRET", () => {
    expect(
      readSandboxConfig({
        SANDBOX_PORT: "5123",
        SWEETSPOT_API_KEY: " sk_live_x ",
        SANDBOX_CHECKOUTS: "100000",
        NOTIFY_WEBHOOK_SECRET: " outbox-secret-kept-exactly-0123456789",
      }),
    ).toEqual({
      ok: true,
      config: {
        port: 5123,
        apiKey: "sk_live_x",
        extraCheckouts: 100_000,
        notifyWebhookSecret: " outbox-secret-kept-exactly-0123456789",
        rateLimit: null,
      },
    });
  });

  it("reads SANDBOX_RATE_LIMIT (0 is no limit)", () => {
    const limitOf = (value: string) => {
      const result = readSandboxConfig({ SANDBOX_RATE_LIMIT: value });
      return result.ok ? result.config.rateLimit : result.problems;
    };
    expect(limitOf("25")).toBe(25);
    expect(limitOf("0")).toBeNull();
    expect(limitOf("fast")).toEqual([expect.stringContaining("SANDBOX_RATE_LIMIT")]);
  });

  it("treats an empty key as unset", () => {
    const result = readSandboxConfig({ SWEETSPOT_API_KEY: "  " });
    expect(result.ok && result.config.apiKey).toBe(SANDBOX_DEV_API_KEY);
  });

  it("refuses more than 100,000 synthetic checkouts with a clear message", () => {
    expect(readSandboxConfig({ SANDBOX_CHECKOUTS: "100001" })).toEqual({
      ok: false,
      problems: ["SANDBOX_CHECKOUTS=100001 is more than the sandbox supports; the maximum is 100000"],
    });
  });

  it.each([
    ["SANDBOX_CHECKOUTS", "-1"],
    ["SANDBOX_CHECKOUTS", "lots"],
    ["SANDBOX_CHECKOUTS", "1.5"],
    ["SANDBOX_PORT", "http"],
    ["SANDBOX_PORT", "70000"],
  ])("refuses %s=%s", (name, value) => {
    const result = readSandboxConfig({ [name]: value });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toContain(name);
  });
});
