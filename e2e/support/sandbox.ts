import type { APIRequestContext } from "@playwright/test";
import type { z } from "zod";
import type { faultSpecSchema } from "../../sandbox/faults";
import { E2E_SANDBOX_URL } from "./environment";

/** A fault as POST /__sandbox/faults takes it: the sandbox's own schema, so the two cannot drift. */
export type Fault = z.input<typeof faultSpecSchema>;

export type LoggedRequest = { method: string; path: string; query: Record<string, unknown>; time: string };

/** Drives the sandbox's control endpoints (faults, reset, advance, request log) from specs. */
export function sandboxControl(request: APIRequestContext) {
  const url = (path: string) => `${E2E_SANDBOX_URL}/__sandbox${path}`;
  return {
    async reset() {
      await request.post(url("/reset"));
    },
    async addFault(fault: Fault) {
      const response = await request.post(url("/faults"), { data: fault });
      if (!response.ok()) throw new Error(`fault refused: ${response.status()} ${await response.text()}`);
    },
    async clearFaults() {
      await request.delete(url("/faults"));
    },
    async advance(checkoutId: string) {
      const response = await request.post(url(`/checkouts/${encodeURIComponent(checkoutId)}/advance`));
      if (!response.ok()) throw new Error(`advance refused: ${response.status()}`);
      return response.json();
    },
    async clearRequests() {
      await request.delete(url("/requests"));
    },
    async requests(): Promise<LoggedRequest[]> {
      const response = await request.get(url("/requests"));
      const body: unknown = await response.json();
      if (Array.isArray(body)) return body as LoggedRequest[];
      if (body && typeof body === "object" && "requests" in body && Array.isArray(body.requests)) {
        return body.requests as LoggedRequest[];
      }
      throw new Error("unexpected request log shape");
    },
  };
}
