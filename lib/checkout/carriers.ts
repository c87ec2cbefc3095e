import { valueForKey } from "./own-key";
import { singleLineText } from "./text";

/*
 * Carriers the portal can link to (docs/api-assumptions.md: `trackingCarrier` is open, case may vary). Links go to
 * each carrier's own public tracking page; an unknown carrier gets its name shown but no link, because
 * a guessed URL could send the customer anywhere.
 */

type Carrier = { name: string; trackingUrl: (encodedNumber: string) => string };

const CARRIERS: Record<string, Carrier> = {
  ups: { name: "UPS", trackingUrl: (number) => `https://www.ups.com/track?tracknum=${number}` },
  fedex: { name: "FedEx", trackingUrl: (number) => `https://www.fedex.com/fedextrack/?trknbr=${number}` },
  usps: {
    name: "USPS",
    trackingUrl: (number) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`,
  },
  dhl: {
    name: "DHL",
    trackingUrl: (number) => `https://www.dhl.com/us-en/home/tracking.html?tracking-id=${number}`,
  },
};

const MAX_CARRIER_NAME_LENGTH = 40;
/** Longer than any real tracking number: such a value is shown (truncated) but never linked. */
export const MAX_TRACKING_NUMBER_LENGTH = 64;

function knownCarrier(carrier: string | null | undefined): Carrier | undefined {
  return valueForKey(CARRIERS, carrier?.trim().toLowerCase());
}

/** The carrier's public tracking page for this number, or null for an unknown carrier or no number. */
export function trackingUrlFor(
  carrier: string | null | undefined,
  trackingNumber: string | null | undefined,
): string | null {
  const known = knownCarrier(carrier);
  const number = trackingNumber?.trim() ?? "";
  if (known === undefined || number === "" || Array.from(number).length > MAX_TRACKING_NUMBER_LENGTH)
    return null;
  return known.trackingUrl(encodeURIComponent(number));
}

/** "UPS", "FedEx"…; an unknown carrier as the API wrote it (one line, at most 40 characters); else null. */
export function carrierName(carrier: string | null | undefined): string | null {
  return knownCarrier(carrier)?.name ?? singleLineText(carrier, MAX_CARRIER_NAME_LENGTH);
}
