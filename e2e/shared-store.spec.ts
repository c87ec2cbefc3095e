import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { mintLinkToken } from "../lib/auth/link-token";
import { emailLinkPath } from "../lib/urls/portal-urls";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { type RedisServer, startRedisServer } from "../test-support/redis-server";
import { E2E_SECRETS } from "./support/environment";
import { EXTRA_PORTS, type RunningServer, startStandalonePortal } from "./support/servers";

/**
 * Two portal instances sharing one real redis-server, as behind a load balancer with REDIS_URL
 * (docs/shared-state.md): what one instance learns (a sign-out, a revocation, a rate-limit count)
 * holds on the other, and a Redis outage leaves both answering by the documented policy.
 * The tests run in order; the outage comes last.
 */

const run = promisify(execFile);

let redis: RedisServer;
let a: RunningServer;
let b: RunningServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startRedisServer();
  const portal = (port: number) =>
    startStandalonePortal(port, {
      REDIS_URL: redis.url,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      // As behind one load balancer that appends the client's address to X-Forwarded-For.
      TRUSTED_PROXY_COUNT: "1",
    });
  [a, b] = await Promise.all([portal(EXTRA_PORTS.secondInstance), portal(EXTRA_PORTS.standalone)]);
});

test.afterAll(async () => {
  await Promise.all([a?.process.stop(10_000), b?.process.stop(10_000)]);
  await redis?.dispose();
});

/** A link as the notification system mints it, with a known `jti` so it can be revoked. */
async function linkWithId(userId: string): Promise<{ path: string; jti: string; token: string }> {
  const jti = `jti_e2e_${randomBytes(8).toString("hex")}`;
  const token = await mintLinkToken({
    userId,
    ttlSeconds: 3600,
    secret: E2E_SECRETS.PORTAL_LINK_SECRET,
    tokenId: jti,
  });
  return { path: emailLinkPath(token), jti, token };
}

/**
 * Plain fetch for requests that carry a copied cookie: it has no cookie jar, so nothing a response
 * set is sent along by accident (the instances share a host, and cookies ignore ports).
 */
function fetchWith(cookie: string | null, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return fetch(url, { ...init, headers, redirect: "manual" });
}

/**
 * What `server`'s /api/health says of the shared store, through a fresh connection each time. While
 * Redis stops and starts, the polls below are seconds apart: a kept-alive connection can be closed by
 * the server (Node's keep-alive timeout) just as the next poll reuses it, and that reset says nothing
 * about the portal. A poll that gets no answer says so and is asked again.
 */
async function storeStatusOf(server: RunningServer): Promise<string> {
  try {
    const response = await fetch(`${server.url}/api/health`, { headers: { Connection: "close" } });
    // Health stays 200 whatever the store's state: the store never takes an instance out of rotation.
    if (response.status !== 200) return `status ${response.status}`;
    const health = (await response.json()) as { store: { status: string } };
    return health.store.status;
  } catch (error) {
    return `no answer (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Signs in on `server` through an account link; returns the session cookie as a Cookie header. */
async function signInOn(server: RunningServer, userId: string): Promise<string> {
  const { path } = await linkWithId(userId);
  const response = await fetchWith(null, `${server.url}${path}`);
  expect(response.status, "the link signs in").toBe(303);
  const pair = response.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  expect(pair).toMatch(/sweetspot\.session=./);
  return pair;
}

/** Who `server` says is signed in with this cookie (null: nobody). */
async function signedInUser(server: RunningServer, cookie: string): Promise<string | null> {
  const response = await fetchWith(cookie, `${server.url}/api/auth/session`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { user?: { id: string } };
  return body.user?.id ?? null;
}

/** `npm run revoke -- <args>` against the shared Redis, as an operator runs it. */
async function revoke(...args: string[]) {
  return run("npm", ["run", "--silent", "revoke", "--", ...args], {
    env: { ...process.env, REDIS_URL: redis.url, NEXTAUTH_SECRET: E2E_SECRETS.NEXTAUTH_SECRET },
  });
}

test("each instance names the shared store in its start-up line and /api/health", async ({ request }) => {
  const description = `redis at 127.0.0.1:${redis.port}`;
  for (const server of [a, b]) {
    expect(server.output?.()).toContain(`[store] ${description}`);
    const health = await request.get(`${server.url}/api/health`);
    expect(health.status()).toBe(200);
    // The first connection may still be on its way on a busy machine.
    await expect
      .poll(async () => (await (await request.get(`${server.url}/api/health`)).json()).store)
      .toEqual({ kind: "redis", status: "available" });
  }
  // The suite's own portal runs without REDIS_URL.
  const single = await request.get("/api/health");
  expect((await single.json()).store).toEqual({ kind: "in-process", status: "available" });
});

test("signing out on one instance ends that session on the other, cookie copies included", async ({
  browser,
}) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { path } = await linkWithId(DEMO_CUSTOMERS.alex.id);
    await page.goto(`${a.url}${path}`);
    await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
    const session = (await context.cookies(a.url)).find((cookie) =>
      cookie.name.endsWith("sweetspot.session"),
    );
    expect(session).toBeDefined();
    const copy = `${session?.name}=${session?.value}`;
    expect(await signedInUser(b, copy)).toBe(DEMO_CUSTOMERS.alex.id);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You’re signed out.")).toBeVisible();

    for (const server of [b, a]) {
      expect(await signedInUser(server, copy)).toBeNull();
      const checkout = await fetchWith(copy, `${server.url}/checkouts/${SCENARIOS.shippedUps}`);
      expect(checkout.status).toBe(307);
      expect(checkout.headers.get("location")).toContain("/signin");
      const json = await fetchWith(copy, `${server.url}/api/checkouts/${SCENARIOS.shippedUps}`);
      expect(json.status).toBe(401);
    }
  } finally {
    await context.close();
  }
});

test("a link revoked with `npm run revoke -- --link` is refused by both instances", async ({
  page,
  request,
}) => {
  const link = await linkWithId(DEMO_CUSTOMERS.alex.id);
  expect((await request.head(`${a.url}${link.path}`)).status()).toBe(204);

  const { stderr } = await revoke("--link", link.jti);
  expect(stderr).toContain("Revoked");

  for (const server of [a, b]) {
    const response = await page.goto(`${server.url}${link.path}`);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
    expect((await page.context().cookies(server.url)).some((c) => c.name.endsWith("sweetspot.session"))).toBe(
      false,
    );
    expect((await request.head(`${server.url}${link.path}`)).status()).toBe(401);
  }
  // Other links keep working.
  const other = await linkWithId(DEMO_CUSTOMERS.alex.id);
  expect((await request.head(`${b.url}${other.path}`)).status()).toBe(204);
});

test("`npm run revoke -- --user` ends the customer's sessions and links on both instances, and no refresh undoes it", async ({
  request,
}) => {
  // Blair, not Alex: for a minute (the clock skew) Blair's new links and sign-ins count as revoked too,
  // and the tests after this one sign Alex in.
  const revoked = DEMO_CUSTOMERS.blair.id;
  const emailedEarlier = await linkWithId(revoked);
  const onA = await signInOn(a, revoked);
  const onB = await signInOn(b, revoked);
  const someoneElse = await signInOn(a, DEMO_CUSTOMERS.alex.id);
  expect(await signedInUser(a, onB)).toBe(revoked);

  await revoke("--user", revoked);

  for (const server of [a, b]) {
    expect(await signedInUser(server, onA)).toBeNull();
    expect(await signedInUser(server, onB)).toBeNull();
    expect(await signedInUser(server, someoneElse)).toBe(DEMO_CUSTOMERS.alex.id);
    // A link emailed before the revocation cannot sign them in again.
    expect((await request.head(`${server.url}${emailedEarlier.path}`)).status()).toBe(401);
    // A copied cookie sent through every path of next-auth's session action gets no new cookie,
    // and whatever it holds afterwards is still refused on the next page.
    for (const copy of [onA, onB]) {
      const afterRefresh = await refreshThroughEverySessionPath(server, copy);
      expect(afterRefresh, "no session path re-issues the cookie").toBe(copy);
      const page = await fetchWith(afterRefresh, `${server.url}/checkouts`);
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toContain("/signin");
    }
  }
});

/**
 * Asks for `cookie`'s session the ways next-auth's `session` action can be reached: GET of the exact
 * path, GET of any path below it, and POST (its `update()`, with a token from /api/auth/csrf). Returns
 * the session cookie the browser would hold afterwards (the last one any answer set, else `cookie`).
 */
async function refreshThroughEverySessionPath(server: RunningServer, cookie: string): Promise<string> {
  let current = cookie;
  const keepRenewed = (response: Response) => {
    const renewed = response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0] ?? "")
      .find((pair) => /sweetspot\.session=./.test(pair));
    if (renewed) current = renewed;
  };
  keepRenewed(await fetchWith(current, `${server.url}/api/auth/session`));
  keepRenewed(await fetchWith(current, `${server.url}/api/auth/session/refresh`));
  const csrf = await fetchWith(current, `${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  keepRenewed(
    await fetchWith(`${current}; ${csrfCookie}`, `${server.url}/api/auth/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.url },
      body: JSON.stringify({ csrfToken, data: {} }),
    }),
  );
  return current;
}

test("a rate limit counted on one instance applies on the other", async ({ page, request }) => {
  const link = await linkWithId(DEMO_CUSTOMERS.alex.id);
  // Scanners' HEADs count like opens. Count on A until it refuses (20 a minute per link; a minute
  // boundary in between only means a few more).
  let status = 0;
  for (let attempt = 0; attempt < 45 && status !== 429; attempt++) {
    status = (await request.head(`${a.url}${link.path}`)).status();
  }
  expect(status).toBe(429);

  const response = await page.goto(`${b.url}${link.path}`);
  expect(response?.status()).toBe(429);
  expect(Number(response?.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { level: 1, name: "Too many tries in a short time" })).toBeVisible();
  await expect(page.getByText(/Please wait a minute and try again/)).toBeVisible();
});

test("the per-address limit is shared too, and made-up X-Forwarded-For entries do not escape it", async ({
  request,
}) => {
  // What a load balancer forwards: whatever the client wrote, then the address it saw.
  const from = (madeUp: number) => ({
    "X-Forwarded-For": `10.9.${madeUp >> 8}.${madeUp & 255}, 203.0.113.77`,
  });
  // Links that do not verify still count against their address (120 a minute, on both instances).
  let status = 0;
  let attempt = 0;
  for (; attempt < 250 && status !== 429; attempt++) {
    const server = attempt % 2 === 0 ? a : b;
    status = (
      await request.head(`${server.url}/link?token=not-a-link-${attempt}`, { headers: from(attempt) })
    ).status();
  }
  expect(status).toBe(429);
  expect(attempt).toBeGreaterThan(100);
  // Another client behind the same load balancer is counted on its own.
  const other = await request.head(`${b.url}/link?token=not-a-link`, {
    headers: { "X-Forwarded-For": "203.0.113.78" },
  });
  expect(other.status()).toBe(401);
});

test("sign-in starts are limited per address across instances, with a way back to the sign-in page", async ({
  request,
}) => {
  const headers = { "X-Forwarded-For": "203.0.113.90", Origin: a.url };
  let response = await request.post(`${a.url}/api/auth/signin/oidc`, { headers, maxRedirects: 0 });
  for (let attempt = 1; attempt < 70 && response.status() !== 429; attempt++) {
    const server = attempt % 2 === 0 ? a : b;
    response = await request.post(`${server.url}/api/auth/signin/oidc`, { headers, maxRedirects: 0 });
  }
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  // next-auth's button script goes wherever `url` says.
  expect((await response.json()).url).toBe("/signin?error=RateLimited");
});

test("with Redis stopped both instances keep answering by the outage policy, and recover", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const session = await signInOn(a, DEMO_CUSTOMERS.alex.id);

  await redis.stop();

  for (const server of [a, b]) {
    // Health stays 200 (the store never takes an instance out of rotation) and says so.
    await expect.poll(() => storeStatusOf(server)).toBe("unavailable");
    // An existing session is served through a short outage (60 s grace, unit-tested beyond that).
    const checkout = await fetchWith(session, `${server.url}/checkouts/${SCENARIOS.shippedUps}`);
    expect(checkout.status).toBe(200);
    // Sign-in with a link fails closed, with a page that says to retry.
    const link = await linkWithId(DEMO_CUSTOMERS.alex.id);
    const refused = await page.goto(`${server.url}${link.path}`);
    expect(refused?.status()).toBe(503);
    expect(Number(refused?.headers()["retry-after"])).toBeGreaterThan(0);
    await expect(
      page.getByRole("heading", { level: 1, name: "We can’t check this link right now" }),
    ).toBeVisible();
    // Signing out still clears the cookie (the revocation cannot be recorded).
    const signOut = await fetchWith(session, `${server.url}/signout`, {
      method: "POST",
      headers: { Origin: server.url, "Sec-Fetch-Site": "same-origin" },
    });
    expect(signOut.status).toBe(303);
    expect(signOut.headers.getSetCookie().join()).toMatch(/sweetspot\.session=;/);
  }

  await redis.restart();

  for (const server of [a, b]) {
    await expect.poll(() => storeStatusOf(server), { timeout: 15_000 }).toBe("available");
    const { path } = await linkWithId(DEMO_CUSTOMERS.alex.id);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  }
  expect(a.process.child.exitCode).toBeNull();
  expect(b.process.child.exitCode).toBeNull();
});
