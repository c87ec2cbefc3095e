import "server-only";
import { env } from "@/lib/env";
import { sharedStore } from "@/lib/store/shared";
import { createSessionGuard, type SessionGuard } from "./session-guard";

// One per process (the outage grace is measured per instance), kept across dev-mode reloads.
const holder = globalThis as typeof globalThis & { __portalSessionGuard?: SessionGuard };

/** The portal's SessionGuard over its shared store (docs/shared-state.md). */
export function sessionGuard(): SessionGuard {
  holder.__portalSessionGuard ??= createSessionGuard(sharedStore(), env().authSecret);
  return holder.__portalSessionGuard;
}
