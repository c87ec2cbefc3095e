import { afterEach, describe, expect, it, vi } from "vitest";
import { type FakeUpstream, sendJson, startFakeUpstream } from "@/test-support/fake-upstream";

let upstream: FakeUpstream | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await upstream?.close();
  upstream = undefined;
});

describe("the default client", () => {
  it("reads no configuration at import time, then uses env() on first call", async () => {
    vi.stubEnv("SWEETSPOT_API_URL", "definitely not a url");
    const checkouts = await import("./checkouts");
    expect(typeof checkouts.getCustomerCheckout).toBe("function");

    upstream = await startFakeUpstream((_, res) =>
      sendJson(res, 200, [{ id: "chk_1", customerId: "usr_alice" }]),
    );
    vi.stubEnv("SWEETSPOT_API_URL", upstream.url);
    vi.stubEnv("SWEETSPOT_API_KEY", "sk_from_env_key");
    vi.stubEnv("SWEETSPOT_AUTH_HEADER", "X-Api-Key");
    vi.stubEnv("NEXTAUTH_SECRET", "a".repeat(32));
    vi.stubEnv("PORTAL_LINK_SECRET", "b".repeat(32));
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3000");
    vi.spyOn(console, "log").mockImplementation(() => {});

    await expect(checkouts.getCustomerCheckout("usr_alice", "chk_1")).resolves.toMatchObject({ id: "chk_1" });
    expect(upstream.requests[0]?.headers["x-api-key"]).toBe("sk_from_env_key");
    // The client is made once: a changed environment does not make a second one.
    vi.stubEnv("SWEETSPOT_API_KEY", "sk_changed_later");
    await checkouts.getCustomerCheckout("usr_alice", "chk_1");
    expect(upstream.requests[1]?.headers["x-api-key"]).toBe("sk_from_env_key");
    // The first import inside the test loads the client with its budget and shared store (Redis client
    // included): more than the default 5 s on a busy 2-core machine.
  }, 20_000);
});
