import { expect } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "./server";

/** Test helpers: a sandbox on a free port and small typed fetch wrappers. Not used at run time. */

export const TEST_API_KEY = "sk_test_contract_key";

export type JsonObject = Record<string, unknown>;

export type RunningSandbox = {
  sandbox: Sandbox;
  baseUrl: string;
  /** An API request carrying the test key. */
  api(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  /** A control request under /__sandbox. */
  control(path: string, init?: RequestInit): Promise<Response>;
  /** GET /v1/checkouts?query, expecting 200 and an array. */
  list(query?: string): Promise<JsonObject[]>;
  /** GET /v1/checkouts/{id}, expecting 200 and an object. */
  detail(id: string): Promise<JsonObject>;
  close(): Promise<void>;
};

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox({ apiKey: TEST_API_KEY, ...options });
  const baseUrl = await sandbox.listen(0);
  const api = (pathAndQuery: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${pathAndQuery}`, {
      ...init,
      headers: { Authorization: `Bearer ${TEST_API_KEY}`, ...(init.headers as Record<string, string>) },
    });
  return {
    sandbox,
    baseUrl,
    api,
    control: (path, init) => fetch(`${baseUrl}/__sandbox${path}`, init),
    async list(query = "") {
      const response = await api(`/v1/checkouts${query === "" ? "" : `?${query}`}`);
      const body: unknown = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(Array.isArray(body)).toBe(true);
      return body as JsonObject[];
    },
    async detail(id) {
      const response = await api(`/v1/checkouts/${encodeURIComponent(id)}`);
      const body: unknown = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(200);
      return body as JsonObject;
    },
    close: () => sandbox.close(),
  };
}

/** Asserts the API's error body, {"error":{"code","message"}} and nothing else, and returns it. */
export async function expectError(
  response: Response,
  status: number,
  code: string,
): Promise<{ code: string; message: string }> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(response.status).toBe(status);
  expect(Object.keys(body)).toEqual(["error"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

export function postJson(body: unknown): RequestInit {
  return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

export function idsOf(items: readonly JsonObject[]): string[] {
  return items.map((item) => String(item.id));
}
