import { describe, expect, it } from "vitest";
import { storeFromConfig } from "./store-from-config";

describe("storeFromConfig", () => {
  it("keeps state in this process when REDIS_URL is unset, and says so", async () => {
    const store = storeFromConfig({ redisUrl: null });
    expect(store.description).toBe("in-process store (one instance only)");
    await store.close();
  });

  it("uses Redis when REDIS_URL is set, described without its password", async () => {
    const store = storeFromConfig({ redisUrl: "redis://:hunter2@127.0.0.1:1/0" }, () => {});
    expect(store.description).toBe("redis at 127.0.0.1:1");
    expect(store.description).not.toContain("hunter2");
    await store.close();
  });
});
