import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mintLinkToken, mintStatusImageToken } from "@/lib/auth/link-token";
import { createMemoryStore } from "@/lib/store/memory-store";
import type { SharedStore } from "@/lib/store/shared-store";
import { sandboxConfig } from "@/test-support/sandbox-config";

/*
 * Per-token limits count only tokens whose signature verified: a string anyone can make up must not
 * become a counter in the store (docs/security.md: junk fills the in-process store).
 */

const LINK_SECRET = "status-image-route-test-link-secret-0123456789";
const config = vi.hoisted(() => ({ current: undefined as unknown }));
const store = vi.hoisted(() => ({ current: undefined as unknown, counted: [] as string[] }));

vi.mock("@/lib/env", () => ({ env: () => config.current }));
vi.mock("@/lib/store/shared", () => ({ sharedStore: () => store.current }));

const { GET } = await import("./route");

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

function fetchImage(token: string | null, address = "203.0.113.9", width = "600") {
  const query = new URLSearchParams({ w: width });
  if (token !== null) query.set("token", token);
  const url = `http://portal.test/api/status-image/chk_1?${query}`;
  const request = new NextRequest(url, { headers: { "x-forwarded-for": address } });
  return GET(request, { params: Promise.resolve({ id: "chk_1" }) });
}

const perTokenCounters = () => store.counted.filter((key) => key.includes(":key:"));

describe("the status image's per-token limit", () => {
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

  it("counts no junk or forged token: each would be a counter of its own", async () => {
    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await fetchImage(`junk-${attempt}`)).status).toBe(401);
    }
    const forged = await mintStatusImageToken({
      userId: "usr_alex",
      checkoutId: "chk_1",
      ttlSeconds: 600,
      secret: "someone-elses-secret-0123456789abcdefgh",
    });
    expect((await fetchImage(forged)).status).toBe(401);
    expect(perTokenCounters()).toEqual([]);
    // The address is still counted, every time.
    expect(store.counted).toHaveLength(31);
  });

  it("counts a genuine token, and refuses it past its limit", async () => {
    // A token for another checkout: verified and counted, then answered 404 without reading the API.
    const token = await mintStatusImageToken({
      userId: "usr_alex",
      checkoutId: "chk_other",
      ttlSeconds: 600,
      secret: LINK_SECRET,
    });
    for (let attempt = 0; attempt < 20; attempt++) expect((await fetchImage(token)).status).toBe(404);
    expect(perTokenCounters()).toHaveLength(20);
    const limited = await fetchImage(token, "198.51.100.7");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
  });
});

describe("which tokens the status image refuses before reading the API", () => {
  // The same table runs end to end in e2e/images.spec.ts, with the cases that need the API's answer.
  const HOUR = 3600;
  const image = (options: { checkoutId?: string; ttlSeconds?: number; now?: Date; secret?: string } = {}) =>
    mintStatusImageToken({
      userId: "usr_alex",
      checkoutId: options.checkoutId ?? "chk_1",
      ttlSeconds: options.ttlSeconds ?? HOUR,
      now: options.now,
      secret: options.secret ?? LINK_SECRET,
    });
  const signInLink = (checkoutId?: string) =>
    mintLinkToken({ userId: "usr_alex", checkoutId, ttlSeconds: HOUR, secret: LINK_SECRET });

  beforeEach(() => {
    config.current = sandboxConfig({ PORTAL_LINK_SECRET: LINK_SECRET });
    store.current = recordingStore();
  });

  it.each<[string, number, string, () => Promise<string | null>]>([
    ["no token", 401, "invalid_token", async () => null],
    ["a token that is not one", 401, "invalid_token", async () => "not-a-token"],
    ["an expired token", 401, "invalid_token", () => image({ now: new Date(Date.now() - 3 * HOUR * 1000) })],
    [
      "a token signed with another secret",
      401,
      "invalid_token",
      () => image({ secret: "someone-elses-secret-0123456789abcdefgh" }),
    ],
    // A sign-in link only signs in, even one naming this checkout.
    ["a sign-in link naming this checkout", 401, "invalid_token", () => signInLink("chk_1")],
    ["an account sign-in link", 401, "invalid_token", () => signInLink()],
    // Answered as a missing checkout is, so a token confirms nothing about another checkout's id.
    ["a token for another checkout", 404, "not_found", () => image({ checkoutId: "chk_other" })],
  ])("%s: %i as JSON, never an image, never cached", async (_name, status, code, token) => {
    const response = await fetchImage(await token());
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it("refuses a width it does not draw, even for a good token: 400 and no image", async () => {
    const response = await fetchImage(await image(), "203.0.113.9", "5000");
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Cache-Control")).toContain("no-store");
  });
});
