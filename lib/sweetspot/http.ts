import { abortableSleep, type Sleep } from "./sleep";
import "server-only";
import { type UpstreamErrorKind, type UpstreamSpan, withUpstreamSpan } from "@/lib/telemetry";
import type { UserIdHasher } from "@/lib/telemetry/user-hash";
import type { CallPriority, UpstreamBudget } from "./budget";
import { createDeadline, DEFAULT_DEADLINE_MS, type Deadline } from "./deadline";
import {
  CheckoutNotFoundError,
  type SweetspotError,
  UpstreamAuthError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "./errors";
import { jsonLineLogger, type UpstreamFailure, type UpstreamLogger, type UpstreamOutcome } from "./log";

/**
 * The transport to the Sweet Spot API: authentication, per-attempt timeouts, bounded retries, typed errors,
 * one log line and one telemetry span (with its metrics) per attempt. Knows nothing about checkouts.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type HttpClientOptions = {
  /** e.g. `https://api.thesweetspot.com`; a trailing slash is ignored. */
  baseUrl: string;
  apiKey: string;
  /** `Authorization` sends `Bearer <key>`; any other header name carries the bare key. */
  authHeader: string;
  /** Per attempt (each attempt also stops at the request's deadline). */
  timeoutMs: number;
  /** The total for a request made without a `deadline` of its own, retries included (default 4 s). */
  deadlineMs?: number;
  /** Monotonic milliseconds, for deadlines. */
  monotonicNow?: () => number;
  fetch?: FetchLike;
  sleep?: Sleep;
  logger?: UpstreamLogger;
  /** In [0, 1), for back-off jitter. */
  random?: () => number;
  /** Wall clock in ms, for `Retry-After` dates. */
  now?: () => number;
  randomUUID?: () => string;
  /**
   * Asked before every attempt (retries included), told every 429 (lib/sweetspot/budget.ts). None: every
   * attempt goes out, and a 429 only fails its request.
   */
  budget?: UpstreamBudget;
  /** How spans name the customer (a keyed hash); without it they name no customer. */
  hashUserId?: UserIdHasher;
};

export type RequestSpec = {
  method?: "GET" | "POST";
  /** Template with `{name}` placeholders, e.g. `/v1/checkouts/{id}`; it is what logs and errors show. */
  path: string;
  pathParams?: Record<string, string>;
  query?: URLSearchParams;
  /** A 404 here means "no such checkout" (the detail endpoint), not a wrong URL. */
  notFoundIsCheckout?: boolean;
  signal?: AbortSignal;
  /** Shared by every request of one page read (lib/sweetspot/deadline.ts); else one of `deadlineMs`. */
  deadline?: Deadline;
  /**
   * The customer this request reads for: part of what makes two in-flight requests identical, and
   * telemetry records only its keyed hash.
   */
  userId?: string;
  /** What the budget lets through first: a customer's page view (the default), or a live page's poll. */
  priority?: CallPriority;
};

export type JsonResponse = {
  /** The parsed body. */
  value: unknown;
  /** The body as received, for checks `JSON.parse` cannot make (repeated keys). */
  text: string;
};

export type HttpClient = {
  /** The parsed JSON body of a 2xx answer, or a typed error. */
  requestJson(spec: RequestSpec): Promise<JsonResponse>;
};

export const MAX_ATTEMPTS = 3;
/** No attempt is started (nor waited for) with less than this left before the deadline. */
const MIN_ATTEMPT_MS = 250;
const BACKOFF_BASE_MS = 100;
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

type AttemptResult =
  | { kind: "response"; status: number; body: string | null; retryAfter: string | null }
  | { kind: "failed"; failure: Exclude<UpstreamFailure, "invalid_body"> };

/** What to do after one attempt. */
type Verdict =
  | { kind: "success"; body: string }
  | { kind: "retry"; waitMs: number; failure?: UpstreamFailure }
  | { kind: "abort" }
  | { kind: "fail"; error: SweetspotError; failure?: UpstreamFailure };

/** Where one attempt leaves the request: answered (or thrown), or to be tried again after a wait. */
type AttemptStep = { kind: "done"; response: JsonResponse } | { kind: "retry"; waitMs: number };

type PreparedRequest = {
  method: "GET" | "POST";
  url: string;
  init: RequestInit;
  queryNames: string[];
  requestId: string;
};

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = new URL(options.baseUrl).href.replace(/\/+$/, "");
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const sleep = options.sleep ?? abortableSleep;
  const logger = options.logger ?? jsonLineLogger;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const randomUUID = options.randomUUID ?? (() => crypto.randomUUID());
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const authValue =
    options.authHeader.toLowerCase() === "authorization" ? `Bearer ${options.apiKey}` : options.apiKey;

  /** Step 1: the URL, headers and fetch options of one logical request (shared by its attempts). */
  function buildRequest(spec: RequestSpec): PreparedRequest {
    const requestId = randomUUID();
    const method = spec.method ?? "GET";
    return {
      method,
      url: buildUrl(baseUrl, spec),
      queryNames: spec.query ? [...new Set(spec.query.keys())] : [],
      requestId,
      init: {
        method,
        headers: { [options.authHeader]: authValue, Accept: "application/json", "X-Request-Id": requestId },
        cache: "no-store",
        // A redirect would carry a non-Authorization key header to wherever it points.
        redirect: "manual",
      },
    };
  }

  /** Step 2: one attempt, bounded by the per-attempt timeout and the caller's signal. */
  async function sendWithTimeout(
    request: PreparedRequest,
    deadline: Deadline,
    callerSignal?: AbortSignal,
  ): Promise<AttemptResult> {
    const timeoutSignal = AbortSignal.timeout(
      Math.floor(Math.min(options.timeoutMs, deadline.remainingMs())),
    );
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeoutSignal]) : timeoutSignal;
    try {
      const response = await fetchImpl(request.url, { ...request.init, signal });
      const ok = response.status >= 200 && response.status < 300;
      // Error bodies are never read (they are not ours to log or show); cancelling frees the connection.
      const body = ok ? await response.text() : null;
      if (!ok) await response.body?.cancel().catch(() => {});
      return {
        kind: "response",
        status: response.status,
        body,
        retryAfter: response.headers.get("retry-after"),
      };
    } catch {
      if (callerSignal?.aborted) {
        // A timeout as the reason: everyone waiting ran out of time (coalesce.ts), which is the API
        // being too slow, for the breaker, logs and metrics, not a caller walking away.
        const timedOut = callerSignal.reason instanceof UpstreamTimeoutError;
        return { kind: "failed", failure: timedOut ? "timeout" : "aborted" };
      }
      return { kind: "failed", failure: timeoutSignal.aborted ? "timeout" : "network" };
    }
  }

  /** Step 3: success, retry (and after how long), or a typed failure. */
  function classifyResponse(
    result: AttemptResult,
    spec: RequestSpec,
    request: PreparedRequest,
    attempt: number,
    deadline: Deadline,
  ): Verdict {
    const mayRetry = request.method === "GET" && attempt < MAX_ATTEMPTS;
    // Retries only inside the deadline: the wait and a useful attempt after it must fit.
    const fits = (waitMs: number) => waitMs + MIN_ATTEMPT_MS <= deadline.remainingMs();
    const where = `${request.method} ${spec.path}`;
    const context = { path: spec.path, attempts: attempt };

    if (result.kind === "failed") {
      if (result.failure === "aborted") return { kind: "abort" };
      const waitMs = backoffMs(attempt, random);
      if (mayRetry && fits(waitMs)) return { kind: "retry", waitMs, failure: result.failure };
      const error =
        result.failure === "timeout"
          ? new UpstreamTimeoutError(
              `Sweet Spot API did not answer ${where} in time (attempts of at most ${options.timeoutMs} ms, ` +
                `${deadline.totalMs} ms in all; ${attempt} attempts)`,
              context,
            )
          : new UpstreamUnavailableError(
              `Sweet Spot API unreachable for ${where} (${attempt} attempts)`,
              context,
            );
      return { kind: "fail", error, failure: result.failure };
    }

    const { status } = result;
    if (status >= 200 && status < 300) return { kind: "success", body: result.body ?? "" };
    const retryAfterSeconds = parseRetryAfter(result.retryAfter, now());
    // A 429 speaks for the whole key: never retried at once (the budget pauses every instance instead).
    if (RETRYABLE_STATUSES.has(status) && mayRetry) {
      const waitMs = backoffMs(attempt, random);
      if (fits(waitMs)) return { kind: "retry", waitMs };
    }
    return {
      kind: "fail",
      error: errorForStatus(status, request.method, spec, { ...context, status }, retryAfterSeconds),
    };
  }

  /** Step 4: the body as JSON, or an invalid-response error. */
  function parseBody(
    text: string,
    spec: RequestSpec,
    request: PreparedRequest,
    attempt: number,
  ): JsonResponse {
    try {
      return { value: JSON.parse(text), text };
    } catch {
      throw new UpstreamInvalidResponseError(
        `Sweet Spot API sent a non-JSON body for ${request.method} ${spec.path}`,
        { path: spec.path, attempts: attempt, status: 200 },
      );
    }
  }

  function logAttempt(
    request: PreparedRequest,
    spec: RequestSpec,
    attempt: number,
    result: AttemptResult,
    durationMs: number,
    outcome: UpstreamOutcome,
    failure?: UpstreamFailure,
  ) {
    try {
      logger({
        event: "upstream_request",
        method: request.method,
        path: spec.path,
        query: request.queryNames,
        status: result.kind === "response" ? result.status : null,
        durationMs: Math.round(durationMs),
        attempt,
        requestId: request.requestId,
        outcome,
        ...(failure ? { failure } : {}),
      });
    } catch {
      // Logging must never break a request.
    }
  }

  /** One attempt, start to verdict: logged, and reported to its span. */
  async function attemptOnce(
    request: PreparedRequest,
    spec: RequestSpec,
    attempt: number,
    deadline: Deadline,
    span: UpstreamSpan,
  ): Promise<AttemptStep> {
    const started = performance.now();
    const result = await sendWithTimeout(request, deadline, spec.signal);
    const verdict = classifyResponse(result, spec, request, attempt, deadline);
    const report = (outcome: UpstreamOutcome, failure?: UpstreamFailure, errorKind?: UpstreamErrorKind) => {
      logAttempt(request, spec, attempt, result, performance.now() - started, outcome, failure);
      span.record({ status: result.kind === "response" ? result.status : null, outcome, errorKind });
    };

    switch (verdict.kind) {
      case "success":
        try {
          const parsed = parseBody(verdict.body, spec, request, attempt);
          report("ok");
          return { kind: "done", response: parsed };
        } catch (error) {
          report("error", "invalid_body", "invalid_body");
          throw error;
        }
      case "retry":
        report("retry", verdict.failure, errorKindOf(result, spec));
        return { kind: "retry", waitMs: verdict.waitMs };
      case "abort":
        report("error", "aborted", "aborted");
        throw spec.signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
      case "fail":
        report("error", verdict.failure, errorKindOf(result, spec));
        if (verdict.error instanceof UpstreamRateLimitedError) {
          await options.budget?.pause(verdict.error.retryAfterSeconds);
        }
        throw verdict.error;
    }
  }

  async function requestJson(spec: RequestSpec): Promise<JsonResponse> {
    const request = buildRequest(spec);
    const deadline = spec.deadline ?? createDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, monotonicNow);
    const userHash = spec.userId && options.hashUserId ? options.hashUserId(spec.userId) : undefined;
    for (let attempt = 1; ; attempt++) {
      // Every attempt is a call on the organization's key: each one waits for (or is refused) a slot.
      await options.budget?.admit(spec.priority ?? "page", deadline, spec.signal);
      const step = await withUpstreamSpan(
        { method: request.method, route: spec.path, attempt, userHash },
        (span) => attemptOnce(request, spec, attempt, deadline, span),
      );
      if (step.kind === "done") return step.response;
      // The wait lies between two attempt spans, in neither.
      await sleep(step.waitMs, spec.signal);
      // Aborted while waiting (a shared call nobody waits for any more): no attempt that could only
      // fail at once, logged as if it had reached the API.
      if (spec.signal?.aborted) throw spec.signal.reason;
    }
  }

  return { requestJson };
}

function errorForStatus(
  status: number,
  method: string,
  spec: RequestSpec,
  context: { path: string; attempts: number; status: number },
  retryAfterSeconds: number | undefined,
): SweetspotError {
  const where = `${method} ${spec.path}`;
  if (status === 404 && spec.notFoundIsCheckout) return new CheckoutNotFoundError(context);
  if (status === 401 || status === 403) {
    return new UpstreamAuthError(
      `Sweet Spot API refused the portal's credentials (${status}) for ${where}`,
      context,
    );
  }
  if (status === 429) {
    return new UpstreamRateLimitedError(`Sweet Spot API rate-limited the key (429) for ${where}`, {
      ...context,
      retryAfterSeconds,
    });
  }
  if (status >= 500) {
    return new UpstreamUnavailableError(
      `Sweet Spot API unavailable (${status}) for ${where} after ${context.attempts} attempt(s)`,
      { ...context, retryAfterSeconds },
    );
  }
  return new UpstreamInvalidResponseError(
    `Sweet Spot API answered an unexpected ${status} for ${where}`,
    context,
  );
}

/** What an attempt's failure counts as in telemetry; undefined for answers that are not upstream faults. */
function errorKindOf(result: AttemptResult, spec: RequestSpec): UpstreamErrorKind | undefined {
  if (result.kind === "failed") return result.failure;
  const { status } = result;
  if (status >= 200 && status < 300) return undefined;
  if (status === 404 && spec.notFoundIsCheckout) return undefined;
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "5xx";
  return "unexpected_status";
}

function buildUrl(baseUrl: string, spec: RequestSpec): string {
  const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = spec.pathParams?.[name];
    if (value === undefined) throw new RangeError(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const query = spec.query?.toString() ?? "";
  return `${baseUrl}${path}${query ? `?${query}` : ""}`;
}

/** 100 ms · 2^(attempt−1), ±50 % jitter so that many portal instances do not retry in lockstep. */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.round(BACKOFF_BASE_MS * 2 ** (attempt - 1) * (0.5 + random()));
}

/** `Retry-After` as whole seconds from now: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // HTTP dates start with a day name; `Date.parse` alone would read "-5" as a year.
  const date = /^[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}
