import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RedisServer, startRedisServer } from "@/test-support/redis-server";
import { checkSecretMarker } from "./secret-marker";
import { sharedStore } from "./shared";

const SECRET = "shared-redis-test-secret-0123456789abcd";

describe("sharedStore with REDIS_URL", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
    // Read once per process by lib/env.ts: set before the first call.
    vi.stubEnv("SWEETSPOT_SANDBOX", "1");
    vi.stubEnv("SWEETSPOT_API_URL", "");
    vi.stubEnv("REDIS_URL", redis.url);
    vi.stubEnv("NEXTAUTH_SECRET", SECRET);
    vi.stubEnv("PORTAL_LINK_SECRET", "b".repeat(32));
  });
  afterAll(async () => {
    await sharedStore().close();
    vi.unstubAllEnvs();
    await redis.dispose();
  });

  it("leaves the portal's secret marker in Redis as soon as the store is made, for npm run revoke", async () => {
    const store = sharedStore();
    expect(store.kind).toBe("redis");
    await vi.waitFor(async () => expect(await checkSecretMarker(store, SECRET)).toBe("matches"));
    expect(await checkSecretMarker(store, "another-secret-0123456789abcdefghijkl")).toBe("differs");
  });
});
