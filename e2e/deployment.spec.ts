import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_CUSTOMERS } from "../sandbox/scenarios";
import { linkFor } from "./support/auth";
import { E2E_SANDBOX_URL, E2E_SECRETS } from "./support/environment";
import { type LoggedRequest, sandboxControl } from "./support/sandbox";
import {
  EXTRA_PORTS,
  type RunningServer,
  runStandalonePortalToExit,
  startLauncher,
  startStandalonePortal,
} from "./support/servers";

/**
 * The deployable server: Next's standalone `server.js` (what the Dockerfile runs) starts with
 * nothing but its environment and serves pages with their assets; on SIGTERM it and `npm start`'s
 * launcher finish the requests in flight before they exit.
 */

/** Long enough to send SIGTERM while the page waits for the API; well inside the server's timeout. */
const SLOW_API_MS = 2_500;

/** An API context signed in on `baseURL` through an email link (it keeps the session cookie). */
async function signedInClient(baseURL: string): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext({ baseURL });
  const signIn = await client.get(await linkFor({ userId: DEMO_CUSTOMERS.alex.id }), { maxRedirects: 0 });
  expect(signIn.status()).toBe(303);
  return client;
}

/** Resolves once the sandbox at `sandboxUrl` has seen a request for the customer's list. */
async function listRequestArrived(sandboxUrl: string): Promise<void> {
  await expect
    .poll(async () => {
      const response = await fetch(`${sandboxUrl}/__sandbox/requests`);
      const { requests } = (await response.json()) as { requests: LoggedRequest[] };
      return requests.some(
        (entry) => entry.path === "/v1/checkouts" && entry.query.userId === DEMO_CUSTOMERS.alex.id,
      );
    })
    .toBe(true);
}

async function slowDownApi(sandboxUrl: string): Promise<void> {
  await fetch(`${sandboxUrl}/__sandbox/requests`, { method: "DELETE" });
  const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ latencyMs: SLOW_API_MS }),
  });
  expect(response.status).toBe(201);
}

test.describe("the standalone server", () => {
  let server: RunningServer | undefined;

  test.afterEach(async ({ request }) => {
    await server?.process.stop(10_000);
    server = undefined;
    await sandboxControl(request).clearFaults();
  });

  test("answers health and serves a page with its scripts and styles", async () => {
    server = await startStandalonePortal(EXTRA_PORTS.standalone);
    const client = await signedInClient(server.url);
    try {
      const health = await client.get("/api/health");
      expect(health.status()).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", api: { status: "ok" } });

      const page = await client.get("/checkouts");
      expect(page.status()).toBe(200);
      const html = await page.text();
      expect(html).toContain("Your orders");
      // The browser assets were copied beside server.js: the ones the page names are served.
      const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map(
        (match) => match[1] ?? "",
      );
      expect(assets.length).toBeGreaterThan(1);
      for (const asset of assets.slice(0, 5)) expect((await client.get(asset)).status(), asset).toBe(200);
    } finally {
      await client.dispose();
    }
  });

  test("without SWEETSPOT_API_URL refuses to start, naming every missing variable in one message", async () => {
    const { exit, output } = await runStandalonePortalToExit(EXTRA_PORTS.standalone, {});
    expect(exit).toEqual({ code: 1, signal: null });
    expect(output).toContain("The portal cannot start: its configuration is invalid.");
    expect(output).toContain("SWEETSPOT_API_URL: required: the Sweet Spot API's base URL");
    expect(output).toContain("SWEETSPOT_SANDBOX=1");
    for (const name of ["SWEETSPOT_API_KEY", "NEXTAUTH_SECRET", "PORTAL_LINK_SECRET", "NEXTAUTH_URL"]) {
      expect(output).toContain(`${name}: required`);
    }
    // It never served: nothing answers on its port.
    await expect(fetch(`http://127.0.0.1:${EXTRA_PORTS.standalone}/api/health`)).rejects.toThrow();
  });

  test("refuses an API URL ending in /v1 and says what to write instead", async () => {
    const { exit, output } = await runStandalonePortalToExit(EXTRA_PORTS.standalone, {
      ...E2E_SECRETS,
      SWEETSPOT_API_URL: `${E2E_SANDBOX_URL}/v1/`,
      NEXTAUTH_URL: `http://127.0.0.1:${EXTRA_PORTS.standalone}`,
    });
    expect(exit.code).toBe(1);
    expect(output).toContain(
      `SWEETSPOT_API_URL: leave out the trailing /v1 (the portal adds it): write ${E2E_SANDBOX_URL}`,
    );
  });

  test("with a key the API refuses, health answers 503 unauthorized and the start-up log says so", async () => {
    server = await startStandalonePortal(EXTRA_PORTS.standalone, {
      SWEETSPOT_API_KEY: "sk_wrong_key_for_e2e",
    });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable", api: { status: "unauthorized" } });
    await expect.poll(() => server?.output?.() ?? "").toContain(": unauthorized, refuses this key (401/403)");
    expect(server.output?.()).not.toContain("sk_wrong_key_for_e2e");
  });

  test("on SIGTERM finishes the request in flight, then exits", async () => {
    // The suite's timeout for API calls is 1.5 s (and a page read gets 4 s in all); this server waits
    // longer so the slow answer counts.
    server = await startStandalonePortal(EXTRA_PORTS.standalone, {
      SWEETSPOT_TIMEOUT_MS: "10000",
      SWEETSPOT_DEADLINE_MS: "15000",
    });
    const client = await signedInClient(server.url);
    try {
      await slowDownApi(E2E_SANDBOX_URL);
      const inFlight = client.get("/checkouts");
      await listRequestArrived(E2E_SANDBOX_URL);

      server.process.child.kill("SIGTERM");
      const response = await inFlight;
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("Your orders");
      // An idle keep-alive connection would hold the closing server until it times out.
      await client.dispose();
      // Next exits with 128 + 15 after a clean SIGTERM shutdown (not killed: no signal).
      expect(await server.process.exited).toEqual({ code: 143, signal: null });
    } finally {
      await client.dispose();
    }
  });
});

test.describe("npm start's launcher", () => {
  let launcher: RunningServer | undefined;
  const launcherSandbox = `http://127.0.0.1:${EXTRA_PORTS.launcherSandbox}`;

  test.afterEach(async () => {
    await launcher?.process.stop(30_000);
    launcher = undefined;
  });

  test("on SIGTERM lets the portal finish the request in flight, then exits 0", async () => {
    launcher = await startLauncher({ SWEETSPOT_TIMEOUT_MS: "10000", SWEETSPOT_DEADLINE_MS: "15000" });
    const client = await signedInClient(launcher.url);
    try {
      await slowDownApi(launcherSandbox);
      const inFlight = client.get("/checkouts");
      await listRequestArrived(launcherSandbox);

      launcher.process.child.kill("SIGTERM");
      const response = await inFlight;
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("Your orders");
      await client.dispose();
      expect(await launcher.process.exited).toEqual({ code: 0, signal: null });
    } finally {
      await client.dispose();
    }
  });
});
