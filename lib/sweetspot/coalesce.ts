import type { HttpClient, JsonResponse, RequestSpec } from "./http";

/**
 * Identical GETs in flight at the same time within this instance share one upstream call (a burst of
 * reloads, the page and its live refresh). Identical means the same path, path parameters, full query
 * (which carries the customer's `userId`) and the same customer the request is made for: two customers
 * never share a call, even for the same URL. Only in-flight calls are shared, nothing is kept after.
 *
 * The shared call runs without any one caller's abort signal (one caller leaving must not fail the
 * others); each caller stops waiting when its own signal aborts.
 */
export function coalesced(http: HttpClient): HttpClient & { inFlight(): number } {
  const pending = new Map<string, Promise<JsonResponse>>();

  return {
    inFlight: () => pending.size,
    requestJson(spec) {
      if ((spec.method ?? "GET") !== "GET") return http.requestJson(spec);
      const key = coalescingKey(spec);
      let shared = pending.get(key);
      if (!shared) {
        const { signal: _callerSignal, ...withoutSignal } = spec;
        shared = http.requestJson(withoutSignal).finally(() => pending.delete(key));
        pending.set(key, shared);
      }
      return spec.signal ? untilAborted(shared, spec.signal) : shared;
    },
  };
}

/** Everything that makes two requests the same request, the customer included. */
export function coalescingKey(spec: RequestSpec): string {
  const params = Object.entries(spec.pathParams ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    spec.method ?? "GET",
    spec.path,
    params,
    spec.query?.toString() ?? "",
    spec.userId ?? null,
    spec.notFoundIsCheckout === true,
  ]);
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
