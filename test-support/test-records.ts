import {
  type CheckoutDetailRecord,
  type CheckoutRecord,
  checkoutDetailRecordSchema,
  checkoutRecordSchema,
} from "@/lib/sweetspot/schemas";

/**
 * Records for unit tests, built through the real schemas so every field is present (null when unset)
 * exactly as the API client hands them over. Imported only by `*.test.ts`.
 */

export const TEST_CHECKOUT_ID = "chk_test00000001";

export function checkoutRecord(fields: Record<string, unknown> = {}): CheckoutRecord {
  return checkoutRecordSchema.parse({
    id: TEST_CHECKOUT_ID,
    createdAt: "2026-01-10T10:00:00.000Z",
    updatedAt: "2026-01-10T10:05:00.000Z",
    lifecycle: "created",
    ...fields,
  });
}

export function detailRecord(fields: Record<string, unknown> = {}): CheckoutDetailRecord {
  return checkoutDetailRecordSchema.parse({
    id: TEST_CHECKOUT_ID,
    createdAt: "2026-01-10T10:00:00.000Z",
    updatedAt: "2026-01-10T10:05:00.000Z",
    ...fields,
  });
}
