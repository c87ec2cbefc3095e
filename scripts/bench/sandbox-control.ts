import type { z } from "zod";
import type { faultSpecSchema } from "../../sandbox/faults";

/** The sandbox's control endpoints, as the bench needs them. */

/** A fault as POST /__sandbox/faults takes it: the sandbox's own schema, so the two cannot drift. */
export type Fault = z.input<typeof faultSpecSchema>;

export type LoggedRequest = {
  method: string;
  path: string;
  query: Record<string, unknown>;
  time: string;
  /** Null while the sandbox has not answered yet. */
  status: number | null;
};

export function sandboxControl(sandboxUrl: string) {
  const url = (path: string) => `${sandboxUrl}/__sandbox${path}`;
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(url(path), {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    addFault: (fault: Fault) => send("POST", "/faults", fault),
    clearFaults: () => send("DELETE", "/faults"),
    clearRequests: () => send("DELETE", "/requests"),
    async requests(): Promise<LoggedRequest[]> {
      const body = (await send("GET", "/requests")) as { requests: LoggedRequest[] };
      return body.requests;
    },
    /** True while some API request has not been answered. */
    async busy(): Promise<boolean> {
      return (await this.requests()).some((entry) => entry.status === null);
    },
  };
}

export type SandboxControl = ReturnType<typeof sandboxControl>;
