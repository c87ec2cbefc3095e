import { type Meter, type MeterProvider, metrics, type Tracer, trace } from "@opentelemetry/api";

/**
 * The portal's tracer and meter, from whatever provider is registered globally (lib/telemetry/start.ts,
 * or a test). With none registered both are the API's no-ops: every helper costs next to nothing.
 */

const INSTRUMENTATION_SCOPE = "sweetspot-checkout-portal";

export function portalTracer(): Tracer {
  return trace.getTracer(INSTRUMENTATION_SCOPE);
}

/**
 * A lazily made set of instruments, remade when another meter provider is registered. Tracing has a
 * proxy that follows a later registration; the metrics API has none, so instruments made before
 * registration would stay no-ops forever.
 */
export function instrumentsFor<T>(make: (meter: Meter) => T): () => T {
  let madeFor: MeterProvider | undefined;
  let made: T | undefined;
  return () => {
    const provider = metrics.getMeterProvider();
    if (made === undefined || provider !== madeFor) {
      made = make(provider.getMeter(INSTRUMENTATION_SCOPE));
      madeFor = provider;
    }
    return made;
  };
}
