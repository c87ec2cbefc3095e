import "server-only";
import { sessionGuard } from "@/lib/auth/portal-session-guard";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/request/public-origin";
import { createRateLimiter } from "@/lib/store/rate-limit";
import { sharedStore } from "@/lib/store/shared";
import type { FreshLinkDependencies } from "./fresh-link";
import { createLinkRequestLimits, type LinkRequestLimits } from "./link-request-limits";

let linkRequestLimits: LinkRequestLimits | undefined;

/**
 * The portal's own wiring for lib/notify/fresh-link.ts: configuration, the portal's one SessionGuard
 * (the revocation list as sign-in reads it) and the new-link limits over the shared store. The fresh
 * link points at NEXTAUTH_URL; only the sandbox, which may run without it, falls back to the
 * request's own origin.
 */
export async function freshLinkDependencies(): Promise<FreshLinkDependencies> {
  const config = env();
  linkRequestLimits ??= createLinkRequestLimits(createRateLimiter(sharedStore()), config.authSecret);
  const base = config.publicUrl ?? (config.sandboxMode ? ((await publicOrigin())?.origin ?? null) : null);
  return {
    linkSecret: config.linkSecret,
    webhook: config.notifyWebhook,
    publicBaseUrl: base,
    guard: sessionGuard(),
    linkRequestLimits,
  };
}
