import { advancedCheckout } from "./advance";
import { type FaultRegistry, faultSpecSchema } from "./faults";
import { decodePathSegment, readJsonBody, sendError, sendJson } from "./http";
import { toListItem } from "./projection";
import { rateLimitSpecSchema, type SandboxRateLimit } from "./rate-limit";
import type { RequestLog } from "./request-log";
import type { Route } from "./router";
import { DEMO_CUSTOMERS, SCALE_CUSTOMER } from "./scenarios";
import type { CheckoutStore } from "./store";

/** The sandbox's own endpoints under /__sandbox/: faults, reset, advance, request log, customers. No key. */

type ControlDependencies = {
  store: CheckoutStore;
  faults: FaultRegistry;
  requests: RequestLog;
  rateLimit: SandboxRateLimit;
  /** The time stamped on advanced checkouts. */
  currentTime: () => Date;
};

export function controlRoutes({
  store,
  faults,
  requests,
  rateLimit,
  currentTime,
}: ControlDependencies): Route[] {
  const listFaults = () => ({ faults: faults.list() });
  return [
    {
      pattern: /^\/__sandbox\/health$/,
      methods: { get: ({ res }) => sendJson(res, 200, { status: "ok" }) },
    },
    {
      pattern: /^\/__sandbox\/customers$/,
      methods: {
        get: ({ res }) => {
          const scale = store.ofCustomer(SCALE_CUSTOMER.id).length > 0 ? [SCALE_CUSTOMER] : [];
          const customers = [...Object.values(DEMO_CUSTOMERS), ...scale].map((customer) => ({
            ...customer,
            checkoutCount: store.ofCustomer(customer.id).length,
          }));
          sendJson(res, 200, { customers });
        },
      },
    },
    {
      pattern: /^\/__sandbox\/faults$/,
      methods: {
        get: ({ res }) => sendJson(res, 200, listFaults()),
        post: async ({ req, res }) => {
          const body = await readJsonBody(req);
          if (!body.ok) {
            sendError(res, body.status, body.code, body.message);
            return;
          }
          const spec = faultSpecSchema.safeParse(body.value);
          if (!spec.success) {
            const problems = spec.error.issues.map((issue) =>
              issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
            );
            sendError(res, 400, "invalid_fault", problems.join("; "));
            return;
          }
          const fault = faults.add(spec.data);
          sendJson(res, 201, { fault, ...listFaults() });
        },
        delete: ({ res }) => {
          faults.clear();
          sendJson(res, 200, listFaults());
        },
      },
    },
    {
      pattern: /^\/__sandbox\/reset$/,
      methods: {
        post: ({ res }) => {
          store.reset();
          faults.clear();
          requests.clear();
          rateLimit.set(null);
          rateLimit.clearCounts();
          sendJson(res, 200, { status: "ok", checkouts: store.size });
        },
      },
    },
    {
      pattern: /^\/__sandbox\/rate-limit$/,
      methods: {
        get: ({ res }) => sendJson(res, 200, { rateLimit: rateLimit.current() }),
        post: async ({ req, res }) => {
          const body = await readJsonBody(req);
          if (!body.ok) {
            sendError(res, body.status, body.code, body.message);
            return;
          }
          const spec = rateLimitSpecSchema.safeParse(body.value);
          if (!spec.success) {
            sendError(
              res,
              400,
              "invalid_rate_limit",
              spec.error.issues.map((issue) => issue.message).join("; "),
            );
            return;
          }
          rateLimit.set(spec.data);
          sendJson(res, 200, { rateLimit: spec.data });
        },
        delete: ({ res }) => {
          rateLimit.set(null);
          sendJson(res, 200, { rateLimit: null });
        },
      },
    },
    {
      // API calls per second as the sandbox counted them (limited ones included), for the bench.
      pattern: /^\/__sandbox\/call-rate$/,
      methods: {
        get: ({ res }) => sendJson(res, 200, { seconds: rateLimit.callRate() }),
        delete: ({ res }) => {
          rateLimit.clearCounts();
          sendJson(res, 200, { seconds: [] });
        },
      },
    },
    {
      pattern: /^\/__sandbox\/requests$/,
      methods: {
        get: ({ res }) => sendJson(res, 200, { requests: requests.list() }),
        delete: ({ res }) => {
          requests.clear();
          sendJson(res, 200, { requests: [] });
        },
      },
    },
    {
      pattern: /^\/__sandbox\/checkouts\/([^/]+)\/advance$/,
      methods: {
        post: ({ res, params }) => {
          const id = decodePathSegment(params[0] ?? "");
          const record = id === undefined ? undefined : store.get(id);
          if (!record) {
            sendError(res, 404, "not_found", "No checkout with this id.");
            return;
          }
          const advanced = advancedCheckout(record, currentTime());
          if (!advanced) {
            sendError(
              res,
              409,
              "no_next_lifecycle",
              `Lifecycle ${JSON.stringify(record.lifecycle)} has no next step to advance to.`,
            );
            return;
          }
          store.replace(advanced);
          sendJson(res, 200, toListItem(advanced));
        },
      },
    },
  ];
}
