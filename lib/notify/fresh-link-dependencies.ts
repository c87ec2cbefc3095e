import "server-only";
import { createRevocations, type Revocations } from "@/lib/auth/revocations";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/request/public-origin";
import { createRateLimiter } from "@/lib/store/rate-limit";
import { sharedStore } from "@/lib/store/shared";
import type { FreshLinkDependencies } from "./fresh-link";

let revocations: Revocations | undefined;

/**
 * The portal's own wiring for lib/notify/fresh-link.ts: configuration, the shared store's revocation
 * list and rate limiter. The fresh link points at NEXTAUTH_URL; only the sandbox, which may run
 * without it, falls back to the request's own origin.
 */
export async function freshLinkDependencies(): Promise<FreshLinkDependencies> {
  const config = env();
  const store = sharedStore();
  revocations ??= createRevocations(store, config.authSecret);
  const base = config.publicUrl ?? (config.sandboxMode ? ((await publicOrigin())?.origin ?? null) : null);
  return {
    linkSecret: config.linkSecret,
    webhook: config.notifyWebhook,
    publicBaseUrl: base,
    revocations,
    limiter: createRateLimiter(store),
  };
}
