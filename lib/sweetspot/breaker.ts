import { UpstreamHeldBackError, UpstreamRateLimitedError, UpstreamUnavailableError } from "./errors";
import type { HttpClient } from "./http";

/**
 * A circuit breaker for one upstream. After `failureThreshold` consecutive failed calls (the API down,
 * overloaded or hanging: UpstreamUnavailableError and its timeout) it opens: calls fail at once with
 * UpstreamCircuitOpenError instead of each waiting out a deadline. After `cooldownMs` one call goes
 * through as a probe (half-open): its success closes the breaker, its failure opens it again. Any
 * answer from the API (even a 404 or a bad body) counts as alive; an aborted call counts as nothing.
 * Neither does a 429 (the API is up and rate-limiting the key: the budget pauses every instance) nor a
 * call the budget held back (it never reached the API).
 */

export type BreakerState = "closed" | "open" | "half_open";

/**
 * A breaker's state as plain data. The portal keeps one per upstream on globalThis (lib/sweetspot/
 * breakers.ts): Next bundles this module more than once (pages, route handlers), and each copy wraps
 * the same state, so every copy sees one breaker while throwing and recognising its own error classes.
 */
export type BreakerMemory = {
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: number;
  probing: boolean;
};

export function newBreakerMemory(): BreakerMemory {
  return { state: "closed", consecutiveFailures: 0, openedAt: 0, probing: false };
}

type BreakerOptions = {
  failureThreshold: number;
  cooldownMs: number;
  /** Monotonic milliseconds. */
  now?: () => number;
  /** Told every change of state (logs, the telemetry gauge). */
  onStateChange?: (state: BreakerState) => void;
  /** Where the state lives; a fresh one when absent. */
  memory?: BreakerMemory;
};

export type CircuitBreaker = {
  run<T>(call: () => Promise<T>): Promise<T>;
  state(): BreakerState;
};

/** Mapped like any unavailability (503, or the last known good); fails in no time. */
export class UpstreamCircuitOpenError extends UpstreamUnavailableError {
  override name = "UpstreamCircuitOpenError";
}

export function createCircuitBreaker(options: BreakerOptions): CircuitBreaker {
  const now = options.now ?? (() => performance.now());
  const memory = options.memory ?? newBreakerMemory();

  const moveTo = (next: BreakerState) => {
    if (next === memory.state) return;
    memory.state = next;
    try {
      options.onStateChange?.(next);
    } catch {
      // Reporting must never break a call.
    }
  };

  const rejectFast = () => {
    const waitMs = Math.max(0, memory.openedAt + options.cooldownMs - now());
    return Promise.reject(
      new UpstreamCircuitOpenError("Sweet Spot API circuit open: failing fast", {
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      }),
    );
  };

  return {
    state: () => memory.state,
    async run(call) {
      if (memory.state === "open") {
        if (now() - memory.openedAt < options.cooldownMs) return rejectFast();
        moveTo("half_open");
      }
      // Half-open lets exactly one probe through; everyone else keeps failing fast until it answers.
      const isProbe = memory.state === "half_open";
      if (isProbe) {
        if (memory.probing) return rejectFast();
        memory.probing = true;
      }
      try {
        const result = await call();
        memory.consecutiveFailures = 0;
        moveTo("closed");
        return result;
      } catch (error) {
        if (provesNothing(error)) {
          // A probe that never learnt whether the API is back: let the next call probe.
          if (isProbe) moveTo("half_open");
        } else if (error instanceof UpstreamUnavailableError) {
          memory.consecutiveFailures++;
          if (isProbe || memory.consecutiveFailures >= options.failureThreshold) {
            memory.openedAt = now();
            moveTo("open");
          }
        } else {
          // The API answered: it is alive, whatever it said.
          memory.consecutiveFailures = 0;
          if (isProbe) moveTo("closed");
        }
        throw error;
      } finally {
        if (isProbe) memory.probing = false;
      }
    },
  };
}

/** Says nothing about whether the API is up: the caller walked away, the API rate-limited us, or it was never called. */
function provesNothing(error: unknown): boolean {
  return (
    isAbort(error) || error instanceof UpstreamRateLimitedError || error instanceof UpstreamHeldBackError
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** The transport with the breaker in front of every request. */
export function guardedByBreaker(http: HttpClient, breaker: CircuitBreaker): HttpClient {
  return { requestJson: (spec) => breaker.run(() => http.requestJson(spec)) };
}
