import { z } from "zod";
import type { Random } from "./random";

/**
 * Injected upstream failures. A fault matches API requests whose path starts with `path` (all of
 * them when absent), is drawn with probability `rate`, and expires after `count` matches.
 */

const FAULT_MODES = ["hang", "garbage", "wrong-shape", "documented-example"] as const;

export const faultSpecSchema = z
  .strictObject({
    status: z.number().int().min(400).max(599).optional(),
    /** Sent as Retry-After with the status: seconds, or an HTTP date as written. Default: 1 for 429 and 503. */
    retryAfter: z.union([z.number().int().min(0).max(86_400), z.string().trim().min(1).max(64)]).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    mode: z.enum(FAULT_MODES).optional(),
    path: z.string().startsWith("/", "path must start with /").optional(),
    count: z.number().int().min(1).optional(),
    rate: z.number().gt(0).max(1).optional(),
  })
  .refine((spec) => spec.status !== undefined || spec.latencyMs !== undefined || spec.mode !== undefined, {
    message: "a fault needs at least one of status, latencyMs or mode",
  })
  .refine((spec) => spec.status === undefined || spec.mode === undefined, {
    message: "status and mode are alternatives; give one of them",
  })
  .refine((spec) => spec.retryAfter === undefined || spec.status !== undefined, {
    message: "retryAfter goes with a status",
  });

type FaultSpec = z.infer<typeof faultSpecSchema>;

type ActiveFault = FaultSpec & {
  id: string;
  /** Matches still to come when `count` was given. */
  remaining?: number;
  /** How many requests this fault has hit so far. */
  hits: number;
};

/** What to do with one request: wait this long, then answer normally or as `outcome` says. */
export type FaultPlan = {
  latencyMs: number;
  outcome?:
    | { faultId: string; status: number; retryAfter?: number | string }
    | { faultId: string; mode: (typeof FAULT_MODES)[number] };
};

export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly random: Random = Math.random) {}

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { id: `flt_${this.nextId++}`, ...spec, remaining: spec.count, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * Every matching fault fires and uses up one of its `count`: latencies add up, and the earliest
   * added fault with a status or mode decides the answer.
   */
  planFor(path: string): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0 };
    for (const fault of this.faults) {
      if (fault.path !== undefined && !path.startsWith(fault.path)) continue;
      if (fault.rate !== undefined && this.random() >= fault.rate) continue;
      fault.hits++;
      if (fault.remaining !== undefined) fault.remaining--;
      plan.latencyMs += fault.latencyMs ?? 0;
      if (plan.outcome === undefined) {
        if (fault.status !== undefined) {
          plan.outcome = { faultId: fault.id, status: fault.status, retryAfter: fault.retryAfter };
        } else if (fault.mode !== undefined) plan.outcome = { faultId: fault.id, mode: fault.mode };
      }
    }
    this.faults = this.faults.filter((fault) => fault.remaining !== 0);
    return plan;
  }
}
