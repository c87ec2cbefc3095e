import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCircuitBreaker, guardedByBreaker } from "./breaker";
import { coalesced } from "./coalesce";
import { createDeadline } from "./deadline";
import { UpstreamTimeoutError, UpstreamUnavailableError } from "./errors";
import {
  createHttpClient,
  type FetchLike,
  type HttpClient,
  type JsonResponse,
  type RequestSpec,
} from "./http";
import type { UpstreamLogEntry } from "./log";

/**
 * A transport whose calls stay open until the test settles them, or until their signal aborts (then
 * they fail with its reason, as the real transport does).
 */
function heldTransport() {
  const calls: { spec: RequestSpec; settle: (value: JsonResponse) => void; fail: (e: unknown) => void }[] =
    [];
  const http: HttpClient = {
    requestJson: (spec) =>
      new Promise((resolve, reject) => {
        spec.signal?.addEventListener("abort", () => reject(spec.signal?.reason), { once: true });
        calls.push({ spec, settle: resolve, fail: reject });
      }),
  };
  return { http, calls };
}

const answer = (value: unknown): JsonResponse => ({ value, text: JSON.stringify(value) });
const listFor = (userId: string, extra: Record<string, string> = {}): RequestSpec => ({
  path: "/v1/checkouts",
  query: new URLSearchParams({ userId, limit: "21", ...extra }),
  userId,
});
/** A page read's deadline on the fake clock. */
const deadlineOf = (ms: number) => createDeadline(ms, () => Date.now());
/** What a caller has seen so far, without awaiting it. */
function watch(promise: Promise<JsonResponse>) {
  const seen: { value?: unknown; error?: unknown } = {};
  promise.then(
    (response) => {
      seen.value = response.value;
    },
    (error: unknown) => {
      seen.error = error;
    },
  );
  return seen;
}
/** Lets settled promises run their handlers. */
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("coalescing identical in-flight requests", () => {
  it("shares one upstream call between identical requests of the same customer", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const first = client.requestJson(listFor("usr_alex"));
    const second = client.requestJson(listFor("usr_alex"));
    expect(calls).toHaveLength(1);
    calls[0]?.settle(answer(["alex's"]));
    expect((await first).value).toEqual(["alex's"]);
    expect((await second).value).toEqual(["alex's"]);
    // Nothing is kept once the call is done: the next request asks again.
    expect(client.inFlight()).toBe(0);
    void client.requestJson(listFor("usr_alex"));
    expect(calls).toHaveLength(2);
  });

  it("never shares between customers, nor between different queries", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const alex = client.requestJson(listFor("usr_alex"));
    const blair = client.requestJson(listFor("usr_blair"));
    const alexPage2 = client.requestJson(listFor("usr_alex", { offset: "20" }));
    // Same URL, but made for another customer (the detail endpoint's URL carries no user id).
    const detail = (userId: string): RequestSpec => ({
      path: "/v1/checkouts/{id}",
      pathParams: { id: "chk_1" },
      userId,
    });
    const alexDetail = client.requestJson(detail("usr_alex"));
    const blairDetail = client.requestJson(detail("usr_blair"));
    expect(calls).toHaveLength(5);
    for (const [index, call] of calls.entries()) call.settle(answer(index));
    expect((await alex).value).toBe(0);
    expect((await blair).value).toBe(1);
    expect((await alexPage2).value).toBe(2);
    expect((await alexDetail).value).toBe(3);
    expect((await blairDetail).value).toBe(4);
  });

  it("gives every waiting caller the same failure", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const first = client.requestJson(listFor("usr_alex"));
    const second = client.requestJson(listFor("usr_alex"));
    const down = new UpstreamUnavailableError("down");
    calls[0]?.fail(down);
    await expect(first).rejects.toBe(down);
    await expect(second).rejects.toBe(down);
    expect(client.inFlight()).toBe(0);
  });

  it("does not coalesce writes", () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    void client.requestJson({ path: "/v1/things", method: "POST" });
    void client.requestJson({ path: "/v1/things", method: "POST" });
    expect(calls).toHaveLength(2);
  });
});

describe("coalescing with each caller's own deadline", () => {
  it("a later caller with less time left gets its own timeout at its deadline; the first still gets the answer", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const first = watch(client.requestJson({ ...listFor("usr_alex"), deadline: deadlineOf(4000) }));
    await vi.advanceTimersByTimeAsync(1000);
    const second = watch(client.requestJson({ ...listFor("usr_alex"), deadline: deadlineOf(500) }));
    expect(calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(499);
    expect(second).toEqual({});
    await vi.advanceTimersByTimeAsync(1);
    expect(second.error).toBeInstanceOf(UpstreamTimeoutError);
    // The other caller still waits, and so does the upstream call.
    expect(first).toEqual({});
    expect(calls[0]?.spec.signal?.aborted).toBe(false);

    calls[0]?.settle(answer(["alex's"]));
    await flush();
    expect(first.value).toEqual(["alex's"]);
  });

  it("a later caller with more time left keeps the call going after the first caller's deadline", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const first = watch(client.requestJson({ ...listFor("usr_alex"), deadline: deadlineOf(1000) }));
    // The transport times its attempts and retries by the shared call's deadline.
    const upstreamDeadline = () => calls[0]?.spec.deadline?.remainingMs();
    expect(upstreamDeadline()).toBe(1000);
    await vi.advanceTimersByTimeAsync(500);
    const second = watch(client.requestJson({ ...listFor("usr_alex"), deadline: deadlineOf(4000) }));
    expect(upstreamDeadline()).toBe(4000);

    await vi.advanceTimersByTimeAsync(500);
    expect(first.error).toBeInstanceOf(UpstreamTimeoutError);
    expect(calls[0]?.spec.signal?.aborted).toBe(false);
    expect(upstreamDeadline()).toBe(3500);

    calls[0]?.settle(answer(["alex's"]));
    await flush();
    expect(second.value).toEqual(["alex's"]);
    expect(calls).toHaveLength(1);
  });

  it("a caller without a deadline of its own gets the default one", async () => {
    const { http } = heldTransport();
    const client = coalesced(http, { deadlineMs: 2000, monotonicNow: () => Date.now() });
    const caller = watch(client.requestJson(listFor("usr_alex")));
    await vi.advanceTimersByTimeAsync(1999);
    expect(caller).toEqual({});
    await vi.advanceTimersByTimeAsync(1);
    expect(caller.error).toBeInstanceOf(UpstreamTimeoutError);
  });

  it("a caller that aborts leaves the others waiting, and they get the answer", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const leaving = new AbortController();
    const first = watch(client.requestJson({ ...listFor("usr_alex"), signal: leaving.signal }));
    const second = watch(client.requestJson(listFor("usr_alex")));
    leaving.abort(new DOMException("gone", "AbortError"));
    await flush();
    expect(first.error).toHaveProperty("name", "AbortError");
    expect(calls[0]?.spec.signal?.aborted).toBe(false);

    calls[0]?.settle(answer(["alex's"]));
    await flush();
    expect(second.value).toEqual(["alex's"]);
  });

  it("aborts the upstream call once no caller waits, and a new caller starts afresh", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const one = new AbortController();
    const two = new AbortController();
    const first = watch(client.requestJson({ ...listFor("usr_alex"), signal: one.signal }));
    const second = watch(client.requestJson({ ...listFor("usr_alex"), signal: two.signal }));
    one.abort(new DOMException("gone", "AbortError"));
    expect(calls[0]?.spec.signal?.aborted).toBe(false);
    two.abort(new DOMException("gone too", "AbortError"));
    expect(calls[0]?.spec.signal?.aborted).toBe(true);
    expect(client.inFlight()).toBe(0);
    await flush();
    expect(first.error).toHaveProperty("name", "AbortError");
    expect(second.error).toHaveProperty("name", "AbortError");

    void client.requestJson(listFor("usr_alex"));
    expect(calls).toHaveLength(2);
    expect(calls[1]?.spec.signal?.aborted).toBe(false);
  });

  it("when every caller ran out of time, the upstream call is aborted as a timeout the breaker counts", async () => {
    const { http, calls } = heldTransport();
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 10_000, now: () => Date.now() });
    const client = coalesced(guardedByBreaker(http, breaker));
    const first = watch(client.requestJson({ ...listFor("usr_alex"), deadline: deadlineOf(1000) }));
    const second = watch(client.requestJson({ ...listFor("usr_alex"), deadline: deadlineOf(1500) }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.error).toBeInstanceOf(UpstreamTimeoutError);
    expect(calls[0]?.spec.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(second.error).toBeInstanceOf(UpstreamTimeoutError);
    expect(calls[0]?.spec.signal?.aborted).toBe(true);
    expect(calls[0]?.spec.signal?.reason).toBeInstanceOf(UpstreamTimeoutError);
    expect(breaker.state()).toBe("open");
  });

  it("through the real transport, a hung API's call cut short by its callers' deadlines is a timeout", async () => {
    const logs: UpstreamLogEntry[] = [];
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
      });
    const transport = createHttpClient({
      baseUrl: "http://api.test",
      apiKey: "sk_test",
      authHeader: "Authorization",
      // Longer than the test: only the callers' deadlines end the call.
      timeoutMs: 60_000,
      fetch: hanging,
      logger: (entry) => logs.push(entry),
      monotonicNow: () => Date.now(),
    });
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 10_000, now: () => Date.now() });
    const client = coalesced(guardedByBreaker(transport, breaker));
    const caller = watch(client.requestJson({ ...listFor("usr_alex"), deadline: deadlineOf(1000) }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(caller.error).toBeInstanceOf(UpstreamTimeoutError);
    expect(logs.map((entry) => entry.failure)).toEqual(["timeout"]);
    expect(breaker.state()).toBe("open");
  });

  it("two customers never share, whatever their deadlines", async () => {
    const { http, calls } = heldTransport();
    const client = coalesced(http);
    const alex = watch(client.requestJson({ ...listFor("usr_alex"), deadline: deadlineOf(1000) }));
    const blair = watch(client.requestJson({ ...listFor("usr_blair"), deadline: deadlineOf(4000) }));
    expect(calls.map((call) => call.spec.userId)).toEqual(["usr_alex", "usr_blair"]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(alex.error).toBeInstanceOf(UpstreamTimeoutError);
    // Alex's call is over; Blair's is untouched by it.
    expect(calls[0]?.spec.signal?.aborted).toBe(true);
    expect(calls[1]?.spec.signal?.aborted).toBe(false);
    calls[1]?.settle(answer(["blair's"]));
    await flush();
    expect(blair.value).toEqual(["blair's"]);
  });
});
