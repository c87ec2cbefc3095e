import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLastKnownGood } from "./last-known-good";
import { createMemoryStore } from "./memory-store";
import {
  keyedStoreName,
  SECRET_KEY_PURPOSES,
  type SecretKeyPurpose,
  secretMarker,
} from "./secret-derived-keys";

const SECRET = "test-secret-for-pinning-0123456789abcdef";
const PURPOSES = Object.keys(SECRET_KEY_PURPOSES) as SecretKeyPurpose[];

describe("customer names in store keys", () => {
  it("are a keyed digest: not the id, not its plain SHA-256, and only the same under the same secret", async () => {
    const name = await keyedStoreName(SECRET, "customerRevocationKeyNames")("usr_alex");
    const plain = createHash("sha256").update("usr_alex").digest("hex");
    expect(name).toMatch(/^[0-9a-f]{40}$/);
    expect(plain).not.toContain(name.slice(0, 16));
    expect(await keyedStoreName(SECRET, "customerRevocationKeyNames")("usr_alex")).toBe(name);
    expect(await keyedStoreName(`${SECRET}-rotated`, "customerRevocationKeyNames")("usr_alex")).not.toBe(
      name,
    );
    expect(await keyedStoreName(SECRET, "customerRevocationKeyNames")("usr_blair")).not.toBe(name);
  });

  it("differ between purposes, each with its own info string", async () => {
    expect(new Set(Object.values(SECRET_KEY_PURPOSES)).size).toBe(PURPOSES.length);
    const names = await Promise.all(PURPOSES.map((purpose) => keyedStoreName(SECRET, purpose)("usr_alex")));
    expect(new Set(names).size).toBe(PURPOSES.length);
  });

  it("keep naming and sealing last-known-good entries as before they moved here", async () => {
    // Written by last-known-good.ts before its key derivation moved to secret-derived-keys.ts.
    const key = "lkg:8167cb064df1f409019bf8f1f4a6487b05907e4a:checkout:en:chk_456";
    const value =
      "v1.yjH_4DO9HCpSRikQ.4n6QIvj0IC0Y03d3fncNjkcw9bl2ibdUYUFztjBAehfMMNXqN8VcwYUDyw3Wo79_SKstJV-EsdKVTZU442WaGglBsQCo";
    const store = createMemoryStore();
    await store.set(key, value, 60);
    const views = createLastKnownGood(store, SECRET);
    expect(
      await views.lastKnownView("usr_alex", "checkout:en:chk_456", z.object({ status: z.string() })),
    ).toEqual({ view: { status: "Shipped" }, savedAt: new Date(Date.UTC(2026, 0, 10, 12)) });
  });
});

describe("the secret marker", () => {
  it("is the same for the same secret only, and not a plain hash of it", async () => {
    const marker = await secretMarker(SECRET);
    expect(marker).toMatch(/^[0-9a-f]{32}$/);
    expect(await secretMarker(SECRET)).toBe(marker);
    expect(await secretMarker(`${SECRET}-rotated`)).not.toBe(marker);
    expect(marker).not.toBe(createHash("sha256").update(SECRET).digest("hex").slice(0, 32));
  });
});
