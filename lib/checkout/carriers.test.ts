import { describe, expect, it } from "vitest";
import { carrierName, trackingUrlFor } from "./carriers";

const AWKWARD_NUMBER = "1Z 999/AA#1";
const ENCODED = "1Z%20999%2FAA%231";

describe("trackingUrlFor", () => {
  it.each([
    ["ups", `https://www.ups.com/track?tracknum=${ENCODED}`],
    ["fedex", `https://www.fedex.com/fedextrack/?trknbr=${ENCODED}`],
    ["usps", `https://tools.usps.com/go/TrackConfirmAction?tLabels=${ENCODED}`],
    ["dhl", `https://www.dhl.com/us-en/home/tracking.html?tracking-id=${ENCODED}`],
  ])("links %s to its own tracking page with the number URL-encoded", (carrier, expected) => {
    const url = trackingUrlFor(carrier, AWKWARD_NUMBER);
    expect(url).toBe(expected);
    // The number stays one query value: nothing in it became a path, fragment or second parameter.
    const parsed = new URL(url ?? "");
    expect(parsed.protocol).toBe("https:");
    expect(parsed.hash).toBe("");
    expect([...parsed.searchParams.values()]).toContain(AWKWARD_NUMBER);
  });

  it.each(["UPS", "FedEx", "FEDEX", " usps ", "Dhl"])("matches carrier %j whatever its case", (carrier) => {
    expect(trackingUrlFor(carrier, "123")).toMatch(/^https:\/\//);
  });

  it("trims the number before linking", () => {
    expect(trackingUrlFor("ups", "  1Z123  ")).toBe("https://www.ups.com/track?tracknum=1Z123");
  });

  it.each(["ontrac", "", "constructor", "__proto__", "ups-ground"])(
    "has no link for carrier %j",
    (carrier) => {
      expect(trackingUrlFor(carrier, "123")).toBeNull();
    },
  );

  it("has no link without a carrier or a number", () => {
    expect(trackingUrlFor(null, "123")).toBeNull();
    expect(trackingUrlFor("ups", null)).toBeNull();
    expect(trackingUrlFor("ups", "   ")).toBeNull();
  });

  it("does not link an absurdly long number", () => {
    expect(trackingUrlFor("ups", "1".repeat(65))).toBeNull();
    expect(trackingUrlFor("ups", "1".repeat(64))).not.toBeNull();
  });
});

describe("carrierName", () => {
  it.each([
    ["ups", "UPS"],
    ["FEDEX", "FedEx"],
    ["usps", "USPS"],
    ["dhl", "DHL"],
  ])("names %s %s", (carrier, name) => {
    expect(carrierName(carrier)).toBe(name);
  });

  it("shows an unknown carrier as the API wrote it, trimmed and capped at 40 characters", () => {
    expect(carrierName("  OnTrac  ")).toBe("OnTrac");
    const long = carrierName("Very Long Regional Courier Company Name Incorporated Worldwide");
    expect(long).toHaveLength(40);
    expect(long?.endsWith("…")).toBe(true);
  });

  it("is null when there is no carrier", () => {
    expect(carrierName(null)).toBeNull();
    expect(carrierName("   ")).toBeNull();
  });
});
