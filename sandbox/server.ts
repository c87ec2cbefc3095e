import http from "node:http";
import type { AddressInfo } from "node:net";
import { SANDBOX_DEV_API_KEY } from "../lib/config/schema";
import { HEALTH_PROBE_USER_ID } from "../lib/sweetspot/ids";
import { apiRoutes, handleApiRequest } from "./api";
import { controlRoutes } from "./control";
import { respondWithFault } from "./fault-responses";
import { FaultRegistry } from "./faults";
import { HeldResponses } from "./held-responses";
import { sendError } from "./http";
import { controlRequestRefusal } from "./loopback";
import { oidcRoutes } from "./oidc";
import { Outbox, outboxRoutes } from "./outbox";
import type { Random } from "./random";
import { type RateLimitSpec, SandboxRateLimit } from "./rate-limit";
import { RequestLog } from "./request-log";
import { dispatch } from "./router";
import { seedCheckouts } from "./seed";
import { CheckoutStore } from "./store";

// One definition shared with the portal's configuration, so the two defaults cannot drift apart.
export { DEFAULT_SANDBOX_PORT, SANDBOX_DEV_API_KEY } from "../lib/config/schema";

export type SandboxOptions = {
  /** The only key the API accepts. Default: SANDBOX_DEV_API_KEY. */
  apiKey?: string;
  /** Synthetic checkouts to add to the demo data (0–100,000). */
  extraCheckouts?: number;
  /** The moment the seed is relative to. Default: now. */
  now?: Date;
  /** Drives fault `rate`; inject a fixed sequence for deterministic tests. */
  random?: Random;
  /** The time stamped on advanced checkouts. Default: the wall clock. */
  currentTime?: () => Date;
  /** The secret the outbox checks the portal's webhook signatures with (NOTIFY_WEBHOOK_SECRET). */
  notifyWebhookSecret?: string | null;
  /** The API's rate limit on the key (SANDBOX_RATE_LIMIT); none by default. */
  rateLimit?: RateLimitSpec | null;
};

export type Sandbox = {
  server: http.Server;
  store: CheckoutStore;
  faults: FaultRegistry;
  requests: RequestLog;
  outbox: Outbox;
  rateLimit: SandboxRateLimit;
  /** Starts listening (port 0 picks a free one) and resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Drops held (delayed or hung) responses, then stops the server. */
  close(): Promise<void>;
};

/**
 * An http.Server whose close() also frees the responses the fault injector holds back, so a
 * "hang" fault cannot keep it open, however it is closed.
 */
class SandboxServer extends http.Server {
  constructor(
    handler: http.RequestListener,
    private readonly beforeClose: () => void,
  ) {
    super(handler);
  }

  override close(callback?: (error?: Error) => void): this {
    this.beforeClose();
    return super.close(callback);
  }
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const apiKey = options.apiKey ?? SANDBOX_DEV_API_KEY;
  const store = new CheckoutStore(seedCheckouts(options.now ?? new Date(), options.extraCheckouts ?? 0));
  const faults = new FaultRegistry(options.random);
  const requests = new RequestLog();
  const held = new HeldResponses();
  const outbox = new Outbox();
  const rateLimit = new SandboxRateLimit();
  rateLimit.set(options.rateLimit ?? null);
  const currentTime = options.currentTime ?? (() => new Date());
  const api = apiRoutes(store);
  const control = [
    ...oidcRoutes(),
    ...controlRoutes({ store, faults, requests, rateLimit, currentTime }),
    ...outboxRoutes({ outbox, webhookSecret: options.notifyWebhookSecret ?? null, currentTime }),
  ];

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    if (url.pathname === "/__sandbox" || url.pathname.startsWith("/__sandbox/")) {
      const refusal = controlRequestRefusal(req.headers);
      if (refusal) {
        sendError(res, 403, "forbidden", refusal);
        return;
      }
      await dispatch(control, { req, res, url });
      return;
    }

    const entry = requests.record(req.method ?? "GET", url);
    res.once("finish", () => {
      entry.status = res.statusCode;
    });
    // The key's rate limit is counted before anything else, as an API gateway would.
    const limited = url.pathname.startsWith("/v1/")
      ? rateLimit.admit(url.searchParams.get("userId") === HEALTH_PROBE_USER_ID)
      : null;
    if (limited) {
      sendError(res, 429, "rate_limited", "Too many requests for this API key.", {
        "Retry-After": String(limited.retryAfterSeconds),
      });
      return;
    }
    // Faults stand in for the upstream misbehaving, so they apply to the API only.
    const plan = url.pathname.startsWith("/v1/") ? faults.planFor(url.pathname) : { latencyMs: 0 };
    if (plan.outcome) entry.faultId = plan.outcome.faultId;
    if (plan.latencyMs > 0 && !(await held.delay(res, plan.latencyMs))) return;
    if (plan.outcome) {
      respondWithFault(res, plan.outcome, url.pathname, held);
      return;
    }
    await handleApiRequest(req, res, url, api, apiKey);
  }

  const server = new SandboxServer(
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        console.error("[sandbox] request failed:", error);
        if (!res.headersSent) sendError(res, 500, "internal_error", "The sandbox failed to answer.");
        else res.destroy();
      });
    },
    () => held.releaseAll(),
  );

  return {
    server,
    store,
    faults,
    requests,
    outbox,
    rateLimit,
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const { port: boundPort } = server.address() as AddressInfo;
          resolve(`http://${host}:${boundPort}`);
        });
      });
    },
    close() {
      if (!server.listening) return Promise.resolve();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets between requests would otherwise hold the server open.
        server.closeIdleConnections();
      });
    },
  };
}
