import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./headers";

describe("security headers", () => {
  const production = { nonce: "abc123", https: false, development: false };

  it("limits scripts to this origin and the request's nonce, without eval in production", () => {
    const policy = contentSecurityPolicy(production);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("adds HSTS and upgrades only when served over https", () => {
    expect(securityHeaders(production)["Strict-Transport-Security"]).toBeUndefined();
    expect(contentSecurityPolicy(production)).not.toContain("upgrade-insecure-requests");
    const https = securityHeaders({ ...production, https: true });
    expect(https["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("sends no referrer from a URL that carries a credential", () => {
    expect(securityHeaders(production)["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(securityHeaders({ ...production, credentialInUrl: true })["Referrer-Policy"]).toBe("no-referrer");
  });

  it("makes a fresh nonce every time", () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
