import "server-only";
import { env } from "@/lib/env";
import { recordBreakerState } from "@/lib/telemetry";
import {
  type BreakerMemory,
  type BreakerState,
  type CircuitBreaker,
  createCircuitBreaker,
  newBreakerMemory,
} from "./breaker";

/**
 * The process's breakers, one per upstream. Their state is on globalThis: Next bundles lib/ into pages
 * and route handlers separately, and /api/health must see the breaker the pages trip. Each bundle
 * wraps that state in its own breaker, so the errors it throws and recognises are its own copies'
 * classes (`instanceof` holds within a bundle, not across). Today there is one
 * upstream, the Sweet Spot API. Its state is in /api/health and in the
 * telemetry gauge (lib/telemetry).
 */

const SWEETSPOT_API_UPSTREAM = "sweetspot_api";

type Registry = { memories: Map<string, BreakerMemory> };

const holder = globalThis as typeof globalThis & { __portalUpstreamBreakers?: Registry };

function registry(): Registry {
  holder.__portalUpstreamBreakers ??= { memories: new Map() };
  return holder.__portalUpstreamBreakers;
}

/** This bundle's breakers, over the process-wide state. */
const breakers = new Map<string, CircuitBreaker>();

/** The breaker in front of `upstream`, configured from SWEETSPOT_BREAKER_* on first use. */
export function upstreamBreaker(upstream: string = SWEETSPOT_API_UPSTREAM): CircuitBreaker {
  let breaker = breakers.get(upstream);
  if (!breaker) {
    const { memories } = registry();
    let memory = memories.get(upstream);
    if (!memory) {
      memory = newBreakerMemory();
      memories.set(upstream, memory);
    }
    breaker = createCircuitBreaker({
      ...env().sweetspotBreaker,
      memory,
      onStateChange: (state) => {
        console.warn(JSON.stringify({ event: "upstream_breaker", upstream, state }));
        recordBreakerState(upstream, state);
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
