import "server-only";
import { env } from "@/lib/env";
import { sharedStore } from "@/lib/store/shared";
import { recordUpstreamBudget, recordUpstreamPause } from "@/lib/telemetry";
import { createUpstreamBudget, type UpstreamBudget } from "./budget";

/**
 * The deployment's upstream budget (SWEETSPOT_API_BUDGET) over the process's shared store: one
 * per bundle (Next bundles lib/ into pages and route handlers separately; each throws and recognises
 * its own copies of the error classes). The counts and the 429 pause live in the store, so every
 * bundle and every instance sharing it sees the same budget.
 */

let budget: UpstreamBudget | undefined;

export function upstreamBudget(): UpstreamBudget {
  budget ??= createUpstreamBudget({
    store: sharedStore(),
    callsPerSecond: env().sweetspotApiBudget,
    observer: {
      admitted: (priority) => recordUpstreamBudget("admitted", priority),
      deferred: (priority, reason) => recordUpstreamBudget("deferred", priority, reason),
      refused: (priority, reason) => recordUpstreamBudget("refused", priority, reason),
      paused: (seconds) => {
        console.warn(JSON.stringify({ event: "upstream_rate_limited", pauseSeconds: seconds }));
        recordUpstreamPause(seconds);
      },
    },
  });
  return budget;
}
