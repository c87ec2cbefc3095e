import { describe, expect, it } from "vitest";
import { createDeadline } from "./deadline";
import { UpstreamTimeoutError, UpstreamUnavailableError } from "./errors";
import { createHttpClient, type FetchLike, type HttpClientOptions } from "./http";
import type { UpstreamLogEntry } from "./log";

/** The page deadline inside the transport: retries only while time is left, attempts cut to what is left. */

function harness(fetch: FetchLike, overrides: Partial<HttpClientOptions> = {}) {
  let clock = 0;
  const logs: UpstreamLogEntry[] = [];
  const http = createHttpClient({
    baseUrl: "http://api.test",
    apiKey: "sk_test",
    authHeader: "Authorization",
    timeoutMs: 5000,
    fetch,
    logger: (entry) => logs.push(entry),
    // Waiting moves the injected clock instead of real time.
    sleep: async (ms) => {
      clock += ms;
    },
    random: () => 0.5,
    monotonicNow: () => clock,
    ...overrides,
  });
  return { http, logs, advance: (ms: number) => (clock += ms), now: () => clock };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const unavailable = () => new Response("down", { status: 503 });

describe("the deadline of a request", () => {
  it("retries a 503 while the deadline leaves room, then stops short of MAX_ATTEMPTS", async () => {
    let attempts = 0;
    const h = harness(async () => {
      attempts++;
      h.advance(800); // each answer takes 800 ms of the budget
      return unavailable();
    });
    const error = await failure(
      h.http.requestJson({ path: "/v1/checkouts", deadline: createDeadline(1200, h.now) }),
    );
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    // 800 ms + 100 ms back-off leaves 300 ms: one more attempt fits, a third does not.
    expect(attempts).toBe(2);
  });

  it("makes the three attempts when the deadline is generous", async () => {
    let attempts = 0;
    const h = harness(async () => {
      attempts++;
      return unavailable();
    });
    await failure(h.http.requestJson({ path: "/v1/checkouts", deadline: createDeadline(4000, h.now) }));
    expect(attempts).toBe(3);
  });

  it("starts no attempt once the shared deadline is spent by earlier requests of the page", async () => {
    let attempts = 0;
    const h = harness(async () => {
      attempts++;
      return unavailable();
    });
    const deadline = createDeadline(4000, h.now);
    h.advance(3900);
    const error = await failure(h.http.requestJson({ path: "/v1/checkouts", deadline }));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(attempts).toBe(1);
  });

  it("cuts a hanging attempt at the deadline, not at the longer per-attempt timeout", async () => {
    // Real time here (AbortSignal.timeout), but small: a 5 s timeout inside a 200 ms deadline.
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
      });
    const { http, logs } = harness(hang, { monotonicNow: () => performance.now(), deadlineMs: 200 });
    const error = await failure(http.requestJson({ path: "/v1/checkouts" }));
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    // No time is left for a retry after the first attempt used the whole deadline.
    expect(logs.map((entry) => [entry.outcome, entry.failure])).toEqual([["error", "timeout"]]);
  });
});
