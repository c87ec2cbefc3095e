import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

/*
 * next-auth's `session` action re-encodes the session cookie with a fresh `iat` and `exp` on every
 * call: none of its paths may reach it. next-auth is replaced here by a stand-in that does just that.
 */

const nextAuthCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth", () => ({
  default: async () => {
    nextAuthCalls.count++;
    return new Response("{}", { headers: { "Set-Cookie": "sweetspot.session=renewed; Path=/; HttpOnly" } });
  },
}));
vi.mock("@/lib/auth/auth-options", () => ({ authOptions: () => ({}) }));
vi.mock("@/lib/auth/customer-session", () => ({
  getCustomerSession: async () => ({ userId: "usr_alex", expiresAt: 1_900_000_000 }),
}));

const { GET, POST } = await import("./route");

function call(handler: typeof GET, method: string, path: string[]) {
  const request = new NextRequest(`http://portal.test/api/auth/${path.join("/")}`, { method });
  return handler(request, { params: Promise.resolve({ nextauth: path }) });
}

describe("/api/auth/session", () => {
  beforeEach(() => {
    nextAuthCalls.count = 0;
  });

  it("is answered by the portal from the cookie, without setting one", async () => {
    const response = await call(GET, "GET", ["session"]);
    expect(await response.json()).toEqual({
      user: { id: "usr_alex" },
      expires: new Date(1_900_000_000_000).toISOString(),
    });
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(nextAuthCalls.count).toBe(0);
  });

  it("refuses every other request for the session action, and none renews the cookie", async () => {
    const refused = [
      await call(GET, "GET", ["session", "x"]),
      await call(GET, "GET", ["session", "x", "y"]),
      await call(POST, "POST", ["session"]),
      await call(POST, "POST", ["session", "x"]),
    ];
    expect(refused.map((response) => response.status)).toEqual([404, 404, 405, 404]);
    for (const response of refused) expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(nextAuthCalls.count).toBe(0);
  });

  it("leaves next-auth its other actions (the OpenID Connect round trip)", async () => {
    await call(GET, "GET", ["csrf"]);
    await call(GET, "GET", ["callback", "oidc"]);
    expect(nextAuthCalls.count).toBe(2);
  });
});
