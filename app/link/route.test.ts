import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mintLinkToken } from "@/lib/auth/link-token";
import { createMemoryStore } from "@/lib/store/memory-store";
import type { SharedStore } from "@/lib/store/shared-store";
import { sandboxConfig } from "@/test-support/sandbox-config";

/*
 * A link is counted per token only once its signature verified: a string anyone can make up must not
 * become a counter in the store (docs/security.md: junk fills the in-process store). HEAD is what a
 * mail scanner sends: the same admission as GET, without a session.
 */

const LINK_SECRET = "link-route-test-link-secret-0123456789abcdef";
const config = vi.hoisted(() => ({ current: undefined as unknown }));
const store = vi.hoisted(() => ({ current: undefined as unknown, counted: [] as string[] }));

vi.mock("@/lib/env", () => ({ env: () => config.current }));
vi.mock("@/lib/store/shared", () => ({ sharedStore: () => store.current }));
vi.mock("@/lib/request/public-origin", () => ({ publicOrigin: async () => null }));

const { HEAD } = await import("./route");

function recordingStore(): SharedStore {
  const inner = createMemoryStore();
  return {
    ...inner,
    increment: (key, ttlSeconds) => {
      store.counted.push(key);
      return inner.increment(key, ttlSeconds);
    },
  };
}

function openLink(token: string, address: string) {
  const url = `http://portal.test/link?token=${encodeURIComponent(token)}`;
  return HEAD(new NextRequest(url, { method: "HEAD", headers: { "x-forwarded-for": address } }));
}

const perTokenCounters = () => store.counted.filter((key) => key.includes(":key:"));

describe("the email link's per-link limit", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  beforeEach(() => {
    // Early in a minute of the clock, so every request lands in one rate-limit window.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 0, 10, 12, 0, 5) });
    config.current = sandboxConfig({ PORTAL_LINK_SECRET: LINK_SECRET });
    store.current = recordingStore();
    store.counted.length = 0;
  });

  it("counts no junk or forged link: each would be a counter of its own", async () => {
    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await openLink(`junk-${attempt}`, `203.0.113.${attempt}`)).status).toBe(401);
    }
    const forged = await mintLinkToken({
      userId: "usr_alex",
      ttlSeconds: 600,
      secret: "someone-elses-secret-0123456789abcdefgh",
    });
    expect((await openLink(forged, "203.0.113.99")).status).toBe(401);
    expect(perTokenCounters()).toEqual([]);
    expect(store.counted).toHaveLength(31);
  });

  it("counts a genuine link, and refuses it past its limit from any address", async () => {
    const token = await mintLinkToken({ userId: "usr_alex", ttlSeconds: 600, secret: LINK_SECRET });
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await openLink(token, `198.51.100.${attempt}`)).status).toBe(204);
    }
    expect(perTokenCounters()).toHaveLength(20);
    const limited = await openLink(token, "198.51.100.200");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
  });
});
