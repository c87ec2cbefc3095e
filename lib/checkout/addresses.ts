import type { Address } from "@/lib/sweetspot/schemas";
import { singleLineText } from "./text";

const MAX_LINE_LENGTH = 200;

/** An address as display lines ("410 Elm St", "Unit 3", "Austin, TX 78701", "US"); null when empty. */
export function addressLines(address: Address | null): string[] | null {
  if (address === null) return null;
  const cityLine = [address.city, [address.region, address.postalCode].filter(Boolean).join(" ")]
    .map((part) => singleLineText(part, MAX_LINE_LENGTH))
    .filter((part): part is string => part !== null)
    .join(", ");
  const lines = [address.line1, address.line2, cityLine, address.country]
    .map((line) => singleLineText(line, MAX_LINE_LENGTH))
    .filter((line): line is string => line !== null);
  return lines.length > 0 ? lines : null;
}
