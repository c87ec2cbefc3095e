import { sharedStore } from "@/lib/store/shared";
import { upstreamBreakerStates } from "@/lib/sweetspot/breakers";
import { upstreamBudget } from "@/lib/sweetspot/budgets";
import { type ApiHealth, probeApi } from "@/lib/sweetspot/probe";

/**
 * Readiness for load balancers: 503 while the portal cannot show anyone their orders (the API
 * refuses our key or does not answer), 200 otherwise. A `slow` API still answers 200: every
 * instance shares the same API, so taking instances out of rotation for slowness would turn a slow
 * API into a full outage, while customers' pages still load within SWEETSPOT_TIMEOUT_MS.
 * The probe is reused for a few seconds (lib/sweetspot/probe.ts). No secrets, no customer data.
 *
 * `store` names the kind of shared store (in-process or Redis; the host stays in the start-up log,
 * since health answers anyone) and whether it answers. It
 * never changes the status code: with Redis down every instance is down alike (taking them out of
 * rotation helps no one), and pages keep answering by the outage policy of docs/shared-state.md.
 * The in-process store is always available.
 *
 * `breakers` reports each upstream's circuit breaker ("closed", "open", "half_open"). It never changes
 * the status code: an open breaker means the API is failing for every instance alike, which the
 * probe already says, and pages keep answering (last known good, or the error page).
 *
 * `budget` is the deployment's upstream budget (SWEETSPOT_API_BUDGET; null when off): calls per second
 * for page views and for polls, how many the current second has used across every instance sharing
 * the store, and until when a 429 pauses every instance (null when none). It never changes the status
 * code either: a paused or spent budget is the same for every instance. `instances` is how many
 * instances this one last saw calling (counted in the store every 10 s); while the store is
 * unavailable (`countingAlone`) it keeps to `callsPerSecondAlone`, its share of the budget. The probe
 * itself is exempt from the budget (one call per instance every few seconds at most).
 */
const SERVES_CUSTOMERS: Record<ApiHealth, boolean> = {
  ok: true,
  slow: true,
  unauthorized: false,
  unreachable: false,
};

export async function GET() {
  const api = await probeApi();
  const serving = SERVES_CUSTOMERS[api.status];
  const store = sharedStore();
  const budget = await upstreamBudget()
    .state()
    .catch(() => null);
  return Response.json(
    {
      status: serving ? "ok" : "unavailable",
      api,
      store: { kind: store.kind, status: store.isAvailable() ? "available" : "unavailable" },
      breakers: upstreamBreakerStates(),
      budget: budget && {
        callsPerSecond: budget.callsPerSecond,
        pollCallsPerSecond: budget.pollCallsPerSecond,
        usedThisSecond: budget.usedThisSecond,
        pausedUntil: budget.pausedUntil?.toISOString() ?? null,
        instances: budget.instances,
        countingAlone: budget.countingAlone,
        callsPerSecondAlone: budget.callsPerSecondAlone,
      },
    },
    { status: serving ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
