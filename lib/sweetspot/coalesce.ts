import { createDeadline, DEFAULT_DEADLINE_MS, type Deadline } from "./deadline";
import { UpstreamTimeoutError } from "./errors";
import type { HttpClient, JsonResponse, RequestSpec } from "./http";

/**
 * Identical GETs in flight at the same time within this instance share one upstream call (a burst of
 * reloads, the page and its live refresh). Identical means the same path, path parameters, full query
 * (which carries the customer's `userId`) and the same customer the request is made for: two customers
 * never share a call, even for the same URL. Only in-flight calls are shared, nothing is kept after.
 *
 * Deadlines. Callers join at different moments with different deadlines (each page read has its own,
 * lib/sweetspot/deadline.ts), so the shared call must belong to none of them. Handing it the first
 * caller's deadline (as this module once did) let a later caller with less time left wait past its
 * own deadline, and ended the call, or stopped its retries, at the first caller's deadline while a
 * later caller still had time. So:
 * - each caller waits until its own deadline or its own signal, whichever comes first, and then gets
 *   its own UpstreamTimeoutError (or its signal's reason) while the others keep waiting;
 * - the shared call's deadline is the latest of those still waiting (read at every attempt and retry);
 * - the shared call has its own abort signal, fired when the last caller stops waiting: a hung API
 *   keeps no socket open for nobody. When that last caller ran out of time, the call is aborted with
 *   a timeout as the reason, so the transport's logs and the circuit breaker below still count a hung
 *   API as timing out (a plain abort is a caller walking away, which they ignore).
 */

type CoalescingOptions = {
  /** The deadline of a request made without one (as the transport's `deadlineMs`; default 4 s). */
  deadlineMs?: number;
  /** Monotonic milliseconds, for those deadlines. */
  monotonicNow?: () => number;
};

/** One per caller (two callers may hold the same Deadline object). */
type Waiter = { deadline: Deadline };

type SharedCall = {
  response: Promise<JsonResponse>;
  /** The callers still waiting. */
  waiting: Set<Waiter>;
  abort: AbortController;
};

export function coalesced(
  http: HttpClient,
  options: CoalescingOptions = {},
): HttpClient & { inFlight(): number } {
  const pending = new Map<string, SharedCall>();
  const monotonicNow = options.monotonicNow ?? (() => performance.now());

  /** The shared call, with its first caller already counted (the transport reads the deadline at once). */
  function start(key: string, spec: RequestSpec, first: Waiter): SharedCall {
    const { signal: _callerSignal, deadline: _callerDeadline, ...request } = spec;
    const waiting = new Set([first]);
    const abort = new AbortController();
    let totalMs = 0;
    const latestWaiting: Deadline = {
      get totalMs() {
        for (const waiter of waiting) totalMs = Math.max(totalMs, waiter.deadline.totalMs);
        return totalMs;
      },
      remainingMs: () => Math.max(0, ...[...waiting].map((waiter) => waiter.deadline.remainingMs())),
    };
    const response = http
      .requestJson({ ...request, signal: abort.signal, deadline: latestWaiting })
      .finally(() => {
        if (pending.get(key) === call) pending.delete(key);
      });
    const call: SharedCall = { waiting, abort, response };
    return call;
  }

  /** `waiter`, already counted in `call`, until the answer, its deadline or its signal. */
  function wait(key: string, call: SharedCall, waiter: Waiter, spec: RequestSpec) {
    return new Promise<JsonResponse>((resolve, reject) => {
      const { signal } = spec;
      const { deadline } = waiter;
      const timer = setTimeout(() => leave(timedOut(spec, deadline)), deadline.remainingMs());
      const onAbort = () => leave(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      call.response.then(
        (value) => {
          stopWaiting();
          resolve(value);
        },
        (error: unknown) => {
          stopWaiting();
          reject(error);
        },
      );

      function stopWaiting() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        call.waiting.delete(waiter);
      }
      function leave(reason: unknown) {
        stopWaiting();
        reject(reason);
        if (call.waiting.size > 0) return;
        // Nobody waits any more: later callers start afresh, and the upstream request stops.
        if (pending.get(key) === call) pending.delete(key);
        call.abort.abort(reason);
      }
    });
  }

  return {
    inFlight: () => pending.size,
    requestJson(spec) {
      if ((spec.method ?? "GET") !== "GET") return http.requestJson(spec);
      const deadline =
        spec.deadline ?? createDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, monotonicNow);
      if (spec.signal?.aborted) return Promise.reject(spec.signal.reason);
      if (deadline.remainingMs() <= 0) return Promise.reject(timedOut(spec, deadline));
      const key = coalescingKey(spec);
      const waiter: Waiter = { deadline };
      let call = pending.get(key);
      if (call) call.waiting.add(waiter);
      else {
        call = start(key, spec, waiter);
        pending.set(key, call);
      }
      return wait(key, call, waiter, spec);
    },
  };
}

/** Everything that makes two requests the same request, the customer included. */
function coalescingKey(spec: RequestSpec): string {
  const params = Object.entries(spec.pathParams ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    spec.method ?? "GET",
    spec.path,
    params,
    spec.query?.toString() ?? "",
    spec.userId ?? null,
    spec.notFoundIsCheckout === true,
    // A poll the budget refuses must not take a page view waiting on the same call down with it.
    spec.priority ?? "page",
  ]);
}

function timedOut(spec: RequestSpec, deadline: Deadline): UpstreamTimeoutError {
  return new UpstreamTimeoutError(
    `Sweet Spot API did not answer GET ${spec.path} within this read's deadline (${deadline.totalMs} ms)`,
    { path: spec.path },
  );
}
