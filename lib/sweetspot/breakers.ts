import "server-only";
import { env } from "@/lib/env";
import { type BreakerState, type CircuitBreaker, createCircuitBreaker } from "./breaker";

/**
 * The process's breakers, one per upstream, on globalThis: Next bundles lib/ into pages and route
 * handlers separately, and /api/health must see the breaker the pages trip. Today there is one
 * upstream, the Sweet Spot API. Its state is in /api/health and, via `onBreakerStateChange`, for the
 * telemetry gauge.
 */

export const SWEETSPOT_API_UPSTREAM = "sweetspot_api";

type Registry = {
  breakers: Map<string, CircuitBreaker>;
  listeners: Set<(upstream: string, state: BreakerState) => void>;
};

const holder = globalThis as typeof globalThis & { __portalUpstreamBreakers?: Registry };

function registry(): Registry {
  holder.__portalUpstreamBreakers ??= { breakers: new Map(), listeners: new Set() };
  return holder.__portalUpstreamBreakers;
}

/** The breaker in front of `upstream`, configured from SWEETSPOT_BREAKER_* on first use. */
export function upstreamBreaker(upstream: string = SWEETSPOT_API_UPSTREAM): CircuitBreaker {
  const { breakers, listeners } = registry();
  let breaker = breakers.get(upstream);
  if (!breaker) {
    breaker = createCircuitBreaker({
      ...env().sweetspotBreaker,
      onStateChange: (state) => {
        console.warn(JSON.stringify({ event: "upstream_breaker", upstream, state }));
        for (const listener of listeners) listener(upstream, state);
      },
    });
    breakers.set(upstream, breaker);
  }
  return breaker;
}

/** Every breaker's state, for /api/health: `closed` for an upstream not called yet. */
export function upstreamBreakerStates(): Record<string, BreakerState> {
  return { [SWEETSPOT_API_UPSTREAM]: upstreamBreaker().state() };
}

/** Tells `listener` every change of state from now on (the breaker-state gauge); returns an unsubscribe. */
export function onBreakerStateChange(listener: (upstream: string, state: BreakerState) => void): () => void {
  registry().listeners.add(listener);
  return () => registry().listeners.delete(listener);
}
