import "server-only";
import {
  CheckoutNotFoundError,
  type SweetspotError,
  UpstreamAuthError,
  UpstreamInvalidResponseError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "./errors";
import { jsonLineLogger, type UpstreamFailure, type UpstreamLogger, type UpstreamOutcome } from "./log";

/**
 * The transport to the Sweet Spot API: authentication, per-attempt timeouts, bounded retries, typed errors,
 * one log line per attempt. Knows nothing about checkouts.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export type HttpClientOptions = {
  /** e.g. `https://api.thesweetspot.com`; a trailing slash is ignored. */
  baseUrl: string;
  apiKey: string;
  /** `Authorization` sends `Bearer <key>`; any other header name carries the bare key. */
  authHeader: string;
  /** Per attempt. */
  timeoutMs: number;
  fetch?: FetchLike;
  sleep?: Sleep;
  logger?: UpstreamLogger;
  /** In [0, 1), for back-off jitter. */
  random?: () => number;
  /** Wall clock in ms, for `Retry-After` dates. */
  now?: () => number;
  randomUUID?: () => string;
  /** A 429 whose `Retry-After` is at most this is waited out once; a longer one fails fast. */
  maxRetryAfterSeconds?: number;
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
};

export type HttpClient = {
  /** The parsed JSON body of a 2xx answer, or a typed error. */
  requestJson(spec: RequestSpec): Promise<unknown>;
};

export const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 100;
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

type AttemptResult =
  | { kind: "response"; status: number; body: string | null; retryAfter: string | null }
  | { kind: "failed"; failure: Exclude<UpstreamFailure, "invalid_body"> };

const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = new URL(options.baseUrl).href.replace(/\/+$/, "");
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const sleep = options.sleep ?? defaultSleep;
  const logger = options.logger ?? jsonLineLogger;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const randomUUID = options.randomUUID ?? (() => crypto.randomUUID());
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 2;
  const authValue =
    options.authHeader.toLowerCase() === "authorization" ? `Bearer ${options.apiKey}` : options.apiKey;

  async function attemptOnce(
    url: string,
    init: RequestInit,
    callerSignal?: AbortSignal,
  ): Promise<AttemptResult> {
    const timeoutSignal = AbortSignal.timeout(options.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeoutSignal]) : timeoutSignal;
    try {
      const response = await fetchImpl(url, { ...init, signal });
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
      if (callerSignal?.aborted) return { kind: "failed", failure: "aborted" };
      return { kind: "failed", failure: timeoutSignal.aborted ? "timeout" : "network" };
    }
  }

  async function requestJson(spec: RequestSpec): Promise<unknown> {
    const method = spec.method ?? "GET";
    const path = spec.path;
    const url = buildUrl(baseUrl, spec);
    const queryNames = spec.query ? [...new Set(spec.query.keys())] : [];
    const requestId = randomUUID();
    const canRetry = method === "GET";
    const init: RequestInit = {
      method,
      headers: {
        [options.authHeader]: authValue,
        Accept: "application/json",
        "X-Request-Id": requestId,
      },
      cache: "no-store",
      // A redirect would carry a non-Authorization key header to wherever it points.
      redirect: "manual",
    };
    let waitedForRetryAfter = false;

    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const result = await attemptOnce(url, init, spec.signal);
      const log = (outcome: UpstreamOutcome, failure?: UpstreamFailure) => {
        const entry = {
          event: "upstream_request" as const,
          method,
          path,
          query: queryNames,
          status: result.kind === "response" ? result.status : null,
          durationMs: Math.round(performance.now() - started),
          attempt,
          requestId,
          outcome,
          ...(failure ? { failure } : {}),
        };
        try {
          logger(entry);
        } catch {
          // Logging must never break a request.
        }
      };
      const mayRetry = canRetry && attempt < MAX_ATTEMPTS;
      const context = { path, attempts: attempt };

      if (result.kind === "failed") {
        if (result.failure === "aborted") {
          log("error", "aborted");
          throw spec.signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
        }
        if (mayRetry) {
          log("retry", result.failure);
          await sleep(backoffMs(attempt, random), spec.signal);
          continue;
        }
        log("error", result.failure);
        throw result.failure === "timeout"
          ? new UpstreamTimeoutError(
              `Sweet Spot API did not answer ${method} ${path} within ${options.timeoutMs} ms (${attempt} attempts)`,
              context,
            )
          : new UpstreamUnavailableError(
              `Sweet Spot API unreachable for ${method} ${path} (${attempt} attempts)`,
              context,
            );
      }

      const { status } = result;
      if (status >= 200 && status < 300) {
        try {
          const body = JSON.parse(result.body ?? "");
          log("ok");
          return body;
        } catch {
          log("error", "invalid_body");
          throw new UpstreamInvalidResponseError(
            `Sweet Spot API sent a non-JSON body for ${method} ${path}`,
            {
              ...context,
              status,
            },
          );
        }
      }

      const retryAfterSeconds = parseRetryAfter(result.retryAfter, now());
      if (status === 429) {
        if (
          mayRetry &&
          !waitedForRetryAfter &&
          retryAfterSeconds !== undefined &&
          retryAfterSeconds <= maxRetryAfterSeconds
        ) {
          waitedForRetryAfter = true;
          log("retry");
          await sleep(retryAfterSeconds * 1000, spec.signal);
          continue;
        }
      } else if (RETRYABLE_STATUSES.has(status) && mayRetry) {
        log("retry");
        await sleep(backoffMs(attempt, random), spec.signal);
        continue;
      }

      log("error");
      throw errorForStatus(status, method, spec, { ...context, status }, retryAfterSeconds);
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
  if (status === 429 || status >= 500) {
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
