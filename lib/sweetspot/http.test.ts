import { afterEach, describe, expect, it } from "vitest";
import {
  closedPortUrl,
  type FakeHandler,
  type FakeUpstream,
  sendJson,
  startFakeUpstream,
} from "@/test-support/fake-upstream";
import {
  CheckoutNotFoundError,
  UpstreamAuthError,
  UpstreamHeldBackError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "./errors";
import { backoffMs, createHttpClient, type HttpClientOptions, parseRetryAfter } from "./http";
import type { UpstreamLogEntry } from "./log";

const API_KEY = "sk_test_very_secret_key_1234567890";

let upstream: FakeUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function serve(handler: FakeHandler) {
  upstream = await startFakeUpstream(handler);
  return upstream;
}

function client(baseUrl: string, overrides: Partial<HttpClientOptions> = {}) {
  const logs: UpstreamLogEntry[] = [];
  const sleeps: number[] = [];
  const http = createHttpClient({
    baseUrl,
    apiKey: API_KEY,
    authHeader: "Authorization",
    timeoutMs: 1000,
    logger: (entry) => logs.push(entry),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { http, logs, sleeps };
}

const list = (query?: URLSearchParams) => ({ path: "/v1/checkouts", query });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("requests", () => {
  it("sends the key as a bearer token, JSON accept, a request id, and the query", async () => {
    const api = await serve((_, res) => sendJson(res, 200, []));
    const { http, logs } = client(`${api.url}/`);
    await expect(
      http.requestJson(list(new URLSearchParams({ limit: "5", userId: "usr_alice" }))),
    ).resolves.toEqual({ value: [], text: "[]" });
    const [request] = api.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe("/v1/checkouts?limit=5&userId=usr_alice");
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs[0]?.requestId).toBe(request?.headers["x-request-id"]);
  });

  it("sends the bare key in a custom header", async () => {
    const api = await serve((_, res) => sendJson(res, 200, []));
    const { http } = client(api.url, { authHeader: "X-Api-Key" });
    await http.requestJson(list());
    expect(api.requests[0]?.headers["x-api-key"]).toBe(API_KEY);
    expect(api.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("encodes path parameters", async () => {
    const api = await serve((_, res) => sendJson(res, 200, {}));
    const { http } = client(api.url);
    await http.requestJson({ path: "/v1/checkouts/{id}", pathParams: { id: "../a b?c=d" } });
    expect(api.requests[0]?.url).toBe("/v1/checkouts/..%2Fa%20b%3Fc%3Dd");
  });

  it("logs one JSON-safe line per attempt, with parameter names only and no key", async () => {
    const api = await serve((_, res, index) =>
      index === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, []),
    );
    const { http, logs } = client(api.url);
    await http.requestJson(list(new URLSearchParams({ limit: "5", userId: "usr_alice", id: "chk_secret" })));
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchObject({
      event: "upstream_request",
      method: "GET",
      path: "/v1/checkouts",
      query: ["limit", "userId", "id"],
      status: 503,
      attempt: 1,
      outcome: "retry",
    });
    expect(logs[1]).toMatchObject({ status: 200, attempt: 2, outcome: "ok", requestId: logs[0]?.requestId });
    expect(typeof logs[1]?.durationMs).toBe("number");
    const text = logs.map((entry) => JSON.stringify(entry)).join("\n");
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain("usr_alice");
    expect(text).not.toContain("chk_secret");
  });

  it("writes JSON lines to stdout by default", async () => {
    const api = await serve((_, res) => sendJson(res, 200, []));
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      await createHttpClient({
        baseUrl: api.url,
        apiKey: API_KEY,
        authHeader: "Authorization",
        timeoutMs: 1000,
      }).requestJson(list(new URLSearchParams({ userId: "usr_alice" })));
    } finally {
      console.log = original;
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      event: "upstream_request",
      query: ["userId"],
      outcome: "ok",
    });
    expect(lines[0]).not.toContain("usr_alice");
    expect(lines[0]).not.toContain(API_KEY);
  });

  it("survives a throwing logger", async () => {
    const api = await serve((_, res) => sendJson(res, 200, [1]));
    const { http } = client(api.url, {
      logger: () => {
        throw new Error("disk full");
      },
    });
    await expect(http.requestJson(list())).resolves.toHaveProperty("value", [1]);
  });
});

describe("retries", () => {
  it("retries a 503 and succeeds on the second attempt", async () => {
    const api = await serve((_, res, index) =>
      index === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, ["ok"]),
    );
    const { http, sleeps } = client(api.url);
    await expect(http.requestJson(list())).resolves.toHaveProperty("value", ["ok"]);
    expect(api.requests).toHaveLength(2);
    expect(sleeps).toEqual([100]);
  });

  it.each([502, 504])("retries a %i", async (status) => {
    const api = await serve((_, res, index) =>
      index < 2 ? sendJson(res, status, {}) : sendJson(res, 200, []),
    );
    const { http, sleeps } = client(api.url);
    await expect(http.requestJson(list())).resolves.toHaveProperty("value", []);
    expect(api.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it("gives up after 3 attempts of 503 with UpstreamUnavailableError", async () => {
    const api = await serve((_, res) => sendJson(res, 503, { error: { message: "secret body" } }));
    const { http, logs } = client(api.url);
    const error = await failure(http.requestJson(list(new URLSearchParams({ userId: "usr_alice" }))));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).not.toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ status: 503, attempts: 3, path: "/v1/checkouts" });
    expect(String((error as Error).message)).not.toContain("secret body");
    expect(String((error as Error).message)).not.toContain("usr_alice");
    expect(api.requests).toHaveLength(3);
    expect(logs.map((entry) => entry.outcome)).toEqual(["retry", "retry", "error"]);
  });

  it.each([
    [400, UpstreamInvalidResponseError],
    [404, UpstreamInvalidResponseError],
    [422, UpstreamInvalidResponseError],
    [401, UpstreamAuthError],
    [403, UpstreamAuthError],
    [500, UpstreamUnavailableError],
    [501, UpstreamUnavailableError],
  ])("does not retry a %i and throws the right type", async (status, type) => {
    const api = await serve((_, res) => sendJson(res, status, { error: { code: "x", message: "body" } }));
    const { http } = client(api.url);
    const error = await failure(http.requestJson(list()));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, attempts: 1 });
    expect(api.requests).toHaveLength(1);
  });

  it("maps a 404 on a checkout path to CheckoutNotFoundError", async () => {
    const api = await serve((_, res) =>
      sendJson(res, 404, { error: { code: "not_found", message: "nope" } }),
    );
    const { http } = client(api.url);
    const error = await failure(
      http.requestJson({ path: "/v1/checkouts/{id}", pathParams: { id: "chk_1" }, notFoundIsCheckout: true }),
    );
    expect(error).toBeInstanceOf(CheckoutNotFoundError);
    expect(error).toMatchObject({ status: 404, path: "/v1/checkouts/{id}" });
  });

  it("does not retry a non-GET request", async () => {
    const api = await serve((_, res) => sendJson(res, 503, {}));
    const { http } = client(api.url);
    await expect(http.requestJson({ method: "POST", path: "/v1/checkouts" })).rejects.toBeInstanceOf(
      UpstreamUnavailableError,
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe("POST");
  });

  it("does not follow redirects (a custom key header would travel with them)", async () => {
    const api = await serve((_, res) => {
      res.writeHead(302, { location: "http://127.0.0.1:9/steal" });
      res.end();
    });
    const { http } = client(api.url, { authHeader: "X-Api-Key" });
    await expect(http.requestJson(list())).rejects.toBeInstanceOf(UpstreamInvalidResponseError);
    expect(api.requests).toHaveLength(1);
  });

  it("times out a hanging API on every attempt, then throws UpstreamTimeoutError", async () => {
    const api = await serve(() => {});
    const { http, logs } = client(api.url, { timeoutMs: 150, sleep: undefined });
    const started = performance.now();
    const error = await failure(http.requestJson(list()));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ attempts: 3, status: undefined });
    expect(api.requests).toHaveLength(3);
    // Each attempt waited out its timeout. No upper bound: a busy machine may run late, and a timeout
    // that never fired would fail this test by its own time limit.
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 20);
    expect(logs.map((entry) => [entry.status, entry.outcome, entry.failure])).toEqual([
      [null, "retry", "timeout"],
      [null, "retry", "timeout"],
      [null, "error", "timeout"],
    ]);
  });

  it("times out a body that never finishes", async () => {
    const api = await serve((_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
    });
    const { http } = client(api.url, { timeoutMs: 150 });
    await expect(http.requestJson(list())).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(api.requests).toHaveLength(3);
  });

  it("retries a refused connection, then throws UpstreamUnavailableError", async () => {
    const { http, logs, sleeps } = client(await closedPortUrl());
    const error = await failure(http.requestJson(list()));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).not.toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(sleeps).toHaveLength(2);
    expect(logs.map((entry) => entry.failure)).toEqual(["network", "network", "network"]);
  });

  it("makes no further attempt when aborted while waiting to retry", async () => {
    const controller = new AbortController();
    const { http, logs } = client(await closedPortUrl(), {
      // The caller goes away during the back-off before the second attempt.
      sleep: async () => controller.abort(new DOMException("gone", "AbortError")),
    });
    const error = await failure(http.requestJson({ ...list(), signal: controller.signal }));
    expect((error as Error).name).toBe("AbortError");
    expect(logs.map((entry) => entry.failure)).toEqual(["network"]);
  });

  it("stops at once when the caller aborts", async () => {
    const api = await serve(() => {});
    const { http } = client(api.url, { timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(http.requestJson({ ...list(), signal: controller.signal }));
    expect(error).not.toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).name).toBe("AbortError");
    expect(api.requests).toHaveLength(1);
  });
});

describe("429", () => {
  it("is not retried: it fails at once as rate limited, carrying a delta-seconds Retry-After", async () => {
    const api = await serve((_, res) => sendJson(res, 429, {}, { "retry-after": "1" }));
    const { http, sleeps } = client(api.url);
    const error = await failure(http.requestJson(list()));
    expect(error).toBeInstanceOf(UpstreamRateLimitedError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 1, attempts: 1 });
    expect(api.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("reads an HTTP-date Retry-After", async () => {
    const now = Date.parse("2026-11-20T12:00:00Z");
    const api = await serve((_, res) =>
      sendJson(res, 429, {}, { "retry-after": new Date(now + 2000).toUTCString() }),
    );
    const { http } = client(api.url, { now: () => now });
    expect(await failure(http.requestJson(list()))).toMatchObject({ retryAfterSeconds: 2 });
  });

  it("fails at once on a 429 without Retry-After", async () => {
    const api = await serve((_, res) => sendJson(res, 429, {}));
    const { http } = client(api.url);
    const error = await failure(http.requestJson(list()));
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: undefined });
    expect(api.requests).toHaveLength(1);
  });

  it("tells the budget, which pauses every instance for the Retry-After", async () => {
    const api = await serve((_, res) => sendJson(res, 429, {}, { "retry-after": "30" }));
    const pauses: (number | undefined)[] = [];
    const admitted: string[] = [];
    const { http } = client(api.url, {
      budget: {
        admit: async (priority) => {
          admitted.push(priority);
        },
        pause: async (seconds) => {
          pauses.push(seconds);
        },
        state: () => Promise.reject(new Error("not asked")),
      },
    });
    await failure(http.requestJson({ ...list(), priority: "poll" }));
    expect(admitted).toEqual(["poll"]);
    expect(pauses).toEqual([30]);
  });

  it("asks the budget before every attempt, retries included, and makes none it refuses", async () => {
    const api = await serve((_, res, index) =>
      index === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, ["ok"]),
    );
    let asked = 0;
    const { http } = client(api.url, {
      budget: {
        admit: async () => {
          asked++;
          if (asked > 1) throw new UpstreamHeldBackError("budget", 1);
        },
        pause: async () => {},
        state: () => Promise.reject(new Error("not asked")),
      },
    });
    expect(await failure(http.requestJson(list()))).toBeInstanceOf(UpstreamHeldBackError);
    expect(asked).toBe(2);
    expect(api.requests).toHaveLength(1);
  });
});

describe("bodies", () => {
  it.each([
    ["HTML", "<html>oops</html>"],
    ["empty", ""],
    ["truncated JSON", '[{"id":'],
  ])("rejects a %s 200 body as invalid, without retrying", async (_, body) => {
    const api = await serve((_, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(body);
    });
    const { http, logs } = client(api.url);
    const error = await failure(http.requestJson(list()));
    expect(error).toBeInstanceOf(UpstreamInvalidResponseError);
    expect((error as Error).message).not.toContain("oops");
    expect(api.requests).toHaveLength(1);
    expect(logs[0]).toMatchObject({ status: 200, outcome: "error", failure: "invalid_body" });
  });
});

describe("helpers", () => {
  it("computes jittered exponential back-off", () => {
    expect(backoffMs(1, () => 0)).toBe(50);
    expect(backoffMs(1, () => 0.999)).toBe(150);
    expect(backoffMs(2, () => 0)).toBe(100);
    expect(backoffMs(2, () => 0.999)).toBe(300);
  });

  it("parses Retry-After", () => {
    const now = Date.parse("2026-11-20T12:00:00Z");
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 7 ", now)).toBe(7);
    expect(parseRetryAfter("Fri, 20 Nov 2026 12:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Fri, 20 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });

  it("rejects a base URL that is not a URL", () => {
    expect(() => client("not a url")).toThrow();
  });
});
