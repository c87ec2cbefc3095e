import { describe, expect, it } from "vitest";
import { createRevocations } from "../../lib/auth/revocations";
import { createMemoryStore } from "../../lib/store/memory-store";
import { writeSecretMarker } from "../../lib/store/secret-marker";
import type { SharedStore } from "../../lib/store/shared-store";
import { recordingChanges } from "../../test-support/recording-store";
import type { RevokeRequest } from "./revoke-cli";
import { revokeInStore } from "./revoke-run";

const PORTAL_SECRET = "revoke-run-test-portal-secret-0123456789";
const OTHER_SECRET = "revoke-run-test-other-secret-0123456789a";
const request: RevokeRequest = {
  target: { kind: "user", userId: "usr_alex" },
  untilEpochSeconds: Math.floor(Date.now() / 1000) + 61 * 24 * 60 * 60,
  skipSecretCheck: false,
};
/** A session of usr_alex's signed in before the command ran. */
const earlierSession = {
  sid: "sid_4mTq9xYb2Lk",
  userId: "usr_alex",
  signedInAt: Math.floor(Date.now() / 1000) - 60,
};

/** Runs the command's store part as `secret`; the portal, using PORTAL_SECRET, then reads the result. */
async function runRevoke(store: SharedStore, secret: string, options: Partial<RevokeRequest> = {}) {
  const lines: string[] = [];
  const code = await revokeInStore(store, secret, { ...request, ...options }, (line) => lines.push(line));
  const portalSeesRevoked = await createRevocations(store, PORTAL_SECRET).isSessionRevoked(earlierSession);
  return { code, output: lines.join("\n"), portalSeesRevoked };
}

describe("npm run revoke against the portal's store", () => {
  it("revokes when its NEXTAUTH_SECRET is the one the portal marked the store with", async () => {
    const store = createMemoryStore();
    await writeSecretMarker(store, PORTAL_SECRET);
    const { code, output, portalSeesRevoked } = await runRevoke(store, PORTAL_SECRET);
    expect(code).toBe(0);
    expect(output).toContain("Revoked every session of usr_alex");
    expect(output).not.toMatch(/warning|not the one/);
    expect(portalSeesRevoked).toBe(true);
  });

  it("refuses, writing nothing, when its NEXTAUTH_SECRET is another than the portal's", async () => {
    const store = createMemoryStore();
    await writeSecretMarker(store, PORTAL_SECRET);
    const { store: recording, changes: writes } = recordingChanges(store);
    const { code, output } = await runRevoke(recording, OTHER_SECRET);
    expect(code).toBe(1);
    expect(output).toMatch(/nothing was revoked: this NEXTAUTH_SECRET is not the one whose marker/);
    expect(output).toMatch(/add --skip-secret-check/);
    expect(writes).toEqual([]);
  });

  it("writes a customer's entry under another secret's marker when told to skip the check", async () => {
    const store = createMemoryStore();
    // Say a staging process with its own secret marked the portal's Redis last.
    await writeSecretMarker(store, OTHER_SECRET);
    const { code, output, portalSeesRevoked } = await runRevoke(store, PORTAL_SECRET, {
      skipSecretCheck: true,
    });
    expect(code).toBe(0);
    expect(output).toMatch(/warning: this NEXTAUTH_SECRET is not the one whose marker.*--skip-secret-check/);
    expect(portalSeesRevoked).toBe(true);
  });

  it("revokes a session or a link under another secret's marker, with a warning: their keys do not depend on it", async () => {
    for (const target of [
      { kind: "session", sid: earlierSession.sid },
      { kind: "link", jti: "jti_Zx81Qw62Ev" },
    ] as const) {
      const store = createMemoryStore();
      await writeSecretMarker(store, OTHER_SECRET);
      const { code, output } = await runRevoke(store, PORTAL_SECRET, { target });
      expect(code, target.kind).toBe(0);
      expect(output).toMatch(/warning: .*does not depend on the secret: revoking anyway/);
      const portal = createRevocations(store, PORTAL_SECRET);
      if (target.kind === "session") expect(await portal.isSessionRevoked(earlierSession)).toBe(true);
      else {
        const link = { jti: target.jti, userId: "usr_alex", iat: earlierSession.signedInAt };
        expect(await portal.isLinkRevoked(link)).toBe(true);
      }
    }
  });

  it("warns, then revokes, when no portal has marked the store", async () => {
    const store = createMemoryStore();
    const { code, output, portalSeesRevoked } = await runRevoke(store, PORTAL_SECRET);
    expect(code).toBe(0);
    expect(output).toMatch(/warning: no portal has recorded its secret in this store yet/);
    expect(output).toContain("Revoked every session of usr_alex");
    expect(portalSeesRevoked).toBe(true);
  });
});
