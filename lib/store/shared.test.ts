import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sharedStore } from "./shared";

describe("sharedStore", () => {
  beforeAll(() => {
    // Read once per process by lib/env.ts: set before the first call.
    vi.stubEnv("SWEETSPOT_SANDBOX", "1");
    vi.stubEnv("SWEETSPOT_API_URL", "");
    vi.stubEnv("REDIS_URL", "");
    vi.stubEnv("NEXTAUTH_SECRET", "a".repeat(32));
    vi.stubEnv("PORTAL_LINK_SECRET", "b".repeat(32));
  });
  afterAll(async () => {
    await sharedStore().close();
    vi.unstubAllEnvs();
  });

  it("is one store per process, in-process when REDIS_URL is unset", () => {
    expect(sharedStore()).toBe(sharedStore());
    expect(sharedStore().description).toBe("in-process store (one instance only)");
  });
});
