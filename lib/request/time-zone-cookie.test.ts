import { describe, expect, it } from "vitest";
import { timeZoneCookie } from "./time-zone-cookie";

describe("timeZoneCookie", () => {
  it("is Secure on https pages", () => {
    expect(timeZoneCookie("Europe/Berlin", true)).toBe(
      "tz=Europe%2FBerlin; path=/; max-age=31536000; samesite=lax; secure",
    );
  });

  it("cannot be Secure on plain http (local development), where browsers would drop it", () => {
    expect(timeZoneCookie("UTC", false)).not.toContain("secure");
  });
});
