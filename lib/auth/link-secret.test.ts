import { describe, expect, it } from "vitest";
import { parsePortalConfig } from "@/lib/config/schema";

const noGenerator = () => {
  throw new Error("no secret should be generated");
};

describe("PORTAL_LINK_SECRET", () => {
  it("is used exactly as given, spaces included, the way integrators sign with it", () => {
    const linkSecret = ` ${"l".repeat(40)} `;
    const result = parsePortalConfig(
      { SWEETSPOT_SANDBOX: "1", NEXTAUTH_SECRET: "n".repeat(40), PORTAL_LINK_SECRET: linkSecret },
      noGenerator,
    );
    expect(result.ok && result.config.linkSecret).toBe(linkSecret);
  });
});

describe("SESSION_LIFETIME_DAYS", () => {
  const base = {
    SWEETSPOT_SANDBOX: "1",
    NEXTAUTH_SECRET: "n".repeat(40),
    PORTAL_LINK_SECRET: "l".repeat(40),
  };

  it("defaults to 14 days and can be set from 1 to 30", () => {
    const fallback = parsePortalConfig(base, noGenerator);
    expect(fallback.ok && fallback.config.sessionLifetimeSeconds).toBe(14 * 86_400);
    const set = parsePortalConfig({ ...base, SESSION_LIFETIME_DAYS: "2" }, noGenerator);
    expect(set.ok && set.config.sessionLifetimeSeconds).toBe(2 * 86_400);
    expect(parsePortalConfig({ ...base, SESSION_LIFETIME_DAYS: "31" }, noGenerator).ok).toBe(false);
    expect(parsePortalConfig({ ...base, SESSION_LIFETIME_DAYS: "0" }, noGenerator).ok).toBe(false);
  });
});
