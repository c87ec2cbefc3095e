import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTelemetryUserHasher } from "./user-hash";

describe("createTelemetryUserHasher", () => {
  const hash = createTelemetryUserHasher("secret-one-for-tests");

  it("is 16 hex characters, the same for the same customer, different for another", () => {
    expect(hash("usr_alice")).toMatch(/^[0-9a-f]{16}$/);
    expect(hash("usr_alice")).toBe(hash("usr_alice"));
    expect(hash("usr_bob")).not.toBe(hash("usr_alice"));
  });

  it("depends on the secret, so nobody without it can hash candidate ids to match", () => {
    expect(createTelemetryUserHasher("secret-two-for-tests")("usr_alice")).not.toBe(hash("usr_alice"));
    const unkeyed = createHash("sha256").update("usr_alice").digest("hex").slice(0, 16);
    expect(hash("usr_alice")).not.toBe(unkeyed);
  });

  it("refuses an empty secret rather than hash with none", () => {
    expect(() => createTelemetryUserHasher("")).toThrow(RangeError);
  });
});
