import { dayOrInstant } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutFacts } from "../facts";
import type { LeaseView, StatusView } from "../types";
import { insuranceStatusView, leaseTermText } from "../words";

type LeaseInsurance = { lease: LeaseView | null; insurance: StatusView | null };

/**
 * The lease and insurance panel. Once an order is over (returned, cancelled), its lease and insurance
 * no longer apply: both are left out.
 */
export function leaseInsuranceFor({ record, row }: CheckoutFacts, t: Translator): LeaseInsurance {
  if (row.over) return { lease: null, insurance: null };
  const lease = {
    startDate: dayOrInstant(record.leaseStartDate),
    endDate: dayOrInstant(record.leaseEndDate),
    term: leaseTermText(t, record.leaseTermId),
  };
  const known = lease.startDate !== null || lease.endDate !== null || lease.term !== null;
  return {
    lease: known ? lease : null,
    insurance: record.insuranceStatus === null ? null : insuranceStatusView(t, record.insuranceStatus),
  };
}
