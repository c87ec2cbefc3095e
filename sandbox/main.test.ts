import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_DEV_API_KEY } from "./server";

/** The real entry point, as `npm run sandbox` starts it. */

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const READY_LINE = /^Sweet Spot sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

type Started = { child: ChildProcess; baseUrl: string; stdout: () => string };

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function spawnSandbox(env: Record<string, string>): ChildProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ["SWEETSPOT_API_KEY", "SANDBOX_CHECKOUTS", "SANDBOX_PORT"]) {
    if (!(name in env)) delete childEnv[name];
  }
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

function startSandboxProcess(env: Record<string, string>): Promise<Started> {
  const child = spawnSandbox({ SANDBOX_PORT: "0", ...env });
  let stdout = "";
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY_LINE.exec(stdout.split("\n")[0] ?? "");
      if (match?.[1] && stdout.includes("\n")) resolve({ child, baseUrl: match[1], stdout: () => stdout });
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}: ${stderr}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null) return Promise.resolve({ code: child.exitCode, signal: null });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function statusWithKey(baseUrl: string, key: string): Promise<number> {
  const response = await fetch(`${baseUrl}/v1/checkouts?userId=usr_demo_alex`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  await response.body?.cancel();
  return response.status;
}

describe("npm run sandbox (sandbox/main.ts)", () => {
  it("prints exactly one ready line and accepts the dev key when SWEETSPOT_API_KEY is unset", async () => {
    const { child, baseUrl, stdout } = await startSandboxProcess({});
    expect(stdout().trim().split("\n")).toHaveLength(1);
    expect(await statusWithKey(baseUrl, SANDBOX_DEV_API_KEY)).toBe(200);
    child.kill("SIGTERM");
  }, 20_000);

  it("accepts exactly the key in SWEETSPOT_API_KEY", async () => {
    const { child, baseUrl } = await startSandboxProcess({ SWEETSPOT_API_KEY: "sk_custom_for_test" });
    expect(await statusWithKey(baseUrl, "sk_custom_for_test")).toBe(200);
    expect(await statusWithKey(baseUrl, SANDBOX_DEV_API_KEY)).toBe(401);
    child.kill("SIGTERM");
  }, 20_000);

  it("listens on SANDBOX_PORT", async () => {
    const port = await freePort();
    const { child, baseUrl } = await startSandboxProcess({ SANDBOX_PORT: String(port) });
    expect(baseUrl).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${baseUrl}/__sandbox/health`)).status).toBe(200);
    child.kill("SIGTERM");
  }, 20_000);

  it.each(["SIGTERM", "SIGINT"] as const)(
    "closes and exits 0 on %s, even with a hung request",
    async (signal) => {
      const { child, baseUrl } = await startSandboxProcess({});
      await fetch(`${baseUrl}/__sandbox/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ mode: "hang" }),
      });
      const hung = fetch(`${baseUrl}/v1/checkouts`).catch(() => "dropped");
      await new Promise((resolve) => setTimeout(resolve, 100));
      child.kill(signal);
      expect(await exitOf(child)).toEqual({ code: 0, signal: null });
      expect(await hung).toBe("dropped");
    },
    20_000,
  );

  it("refuses to start with more than 100,000 synthetic checkouts, saying why", async () => {
    const child = spawnSandbox({ SANDBOX_CHECKOUTS: "100001", SANDBOX_PORT: "0" });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect((await exitOf(child)).code).toBe(1);
    expect(stderr).toContain("SANDBOX_CHECKOUTS=100001");
    expect(stderr).toContain("100000");
  }, 20_000);
});
