import type { APIRequestContext } from "@playwright/test";
import { E2E_SANDBOX_URL } from "./environment";

/** Drives the sandbox's control endpoints (faults, reset, advance, request log) from specs. */
export type Fault = {
  status?: number;
  latencyMs?: number;
  mode?: "hang" | "garbage" | "wrong-shape";
  path?: string;
  count?: number;
  rate?: number;
};

export type LoggedRequest = { method: string; path: string; query: Record<string, unknown>; time: string };

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
