import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkoutFingerprint } from "@/lib/checkout/fingerprint";
import type { CheckoutView } from "@/lib/checkout/types";
import {
  UpstreamHeldBackError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
} from "@/lib/sweetspot/errors";

/*
 * The live page's poller follows the route's Retry-After; when the upstream budget holds a poll back
 * (or the API rate-limits the key) the answer is "unchanged, ask again later", never an error.
 */

const load = vi.hoisted(() => ({ answer: null as unknown, priorities: [] as unknown[] }));
vi.mock("@/lib/request/locale", () => ({ getLocale: async () => "en" }));
vi.mock("@/lib/auth/customer-session", () => ({ customerForRoute: async () => ({ userId: "usr_alex" }) }));
vi.mock("@/lib/checkout/load", () => ({
  loadCheckoutView: async (_userId: string, _id: string, _locale: string, options: unknown) => {
    load.priorities.push(options);
    if (load.answer instanceof Error) throw load.answer;
    return load.answer;
  },
}));

const { GET } = await import("./route");

const VIEW = { id: "chk_1", status: "On its way" } as unknown as CheckoutView;
const context = { params: Promise.resolve({ id: "chk_1" }) };
const poll = (fingerprint?: string) =>
  GET(
    new Request("http://portal.test/api/checkouts/chk_1/fingerprint", {
      headers: fingerprint ? { "If-None-Match": `"${fingerprint}"` } : {},
    }),
    context,
  );

beforeEach(() => {
  load.answer = VIEW;
  load.priorities = [];
});

describe("the fingerprint route", () => {
  it("reads at poll priority and tells the poller to ask again in 30 s", async () => {
    const response = await poll();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ fingerprint: await checkoutFingerprint(VIEW) });
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(load.priorities).toEqual([{ priority: "poll" }]);
    const unchanged = await poll(await checkoutFingerprint(VIEW));
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("Retry-After")).toBe("30");
  });

  it("answers a poll the budget held back with 'unchanged, ask again in 2 minutes'", async () => {
    load.answer = new UpstreamHeldBackError("budget", 1);
    const held = await poll("abc");
    expect(held.status).toBe(304);
    expect(held.headers.get("Retry-After")).toBe("120");
    // A poller showing a saved view sends no fingerprint: nothing to compare, nothing to report.
    expect((await poll()).status).toBe(204);
  });

  it("stretches to the end of the API's 429 pause when that is longer", async () => {
    load.answer = new UpstreamRateLimitedError("429", { status: 429, retryAfterSeconds: 300 });
    const held = await poll("abc");
    expect(held.status).toBe(304);
    expect(held.headers.get("Retry-After")).toBe("300");
  });

  it("still answers an API outage as one (503 with Retry-After)", async () => {
    load.answer = new UpstreamUnavailableError("down", { status: 503 });
    expect((await poll("abc")).status).toBe(503);
  });
});
