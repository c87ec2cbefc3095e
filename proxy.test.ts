import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

/** The headers proxy.ts gives a plain-http request (as a TLS-terminating proxy may pass it on). */
async function headersFor(publicUrl: string, forwardedProto?: string) {
  vi.stubEnv("SWEETSPOT_SANDBOX", "1");
  vi.stubEnv("NEXTAUTH_SECRET", "n".repeat(40));
  vi.stubEnv("PORTAL_LINK_SECRET", "l".repeat(40));
  vi.stubEnv("NEXTAUTH_URL", publicUrl);
  const { proxy } = await import("./proxy");
  const headers = forwardedProto ? { "X-Forwarded-Proto": forwardedProto } : undefined;
  return proxy(new NextRequest("http://10.0.0.5:3000/checkouts", { headers })).headers;
}

describe("the security headers on every response", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("insist on https when the configured public URL is https, whatever the proxy forwards", async () => {
    const headers = await headersFor("https://orders.example.test");
    expect(headers.get("Strict-Transport-Security")).toMatch(/max-age=\d+/);
    expect(headers.get("Content-Security-Policy")).toContain("upgrade-insecure-requests");
  });

  it("insist on https when the request came over https, and not otherwise", async () => {
    expect((await headersFor("http://127.0.0.1:3000", "https")).get("Strict-Transport-Security")).toMatch(
      /max-age=\d+/,
    );
    vi.resetModules();
    const plain = await headersFor("http://127.0.0.1:3000");
    expect(plain.get("Strict-Transport-Security")).toBeNull();
    expect(plain.get("Content-Security-Policy")).not.toContain("upgrade-insecure-requests");
  });
});
