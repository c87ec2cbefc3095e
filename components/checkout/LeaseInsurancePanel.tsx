import type { LeaseView, StatusView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import { FactList } from "../ui/FactList";
import { dateOrNull } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";
import { PanelSection } from "../ui/PanelSection";
import { StatusSummary } from "./StatusSummary";

export type LeaseInsurancePanelProps = {
  lease: LeaseView | null;
  insurance: StatusView | null;
  dates: DateContext;
};

/** The lease (dates, term) and the insurance status; renders nothing when neither is known. */
export function LeaseInsurancePanel({ lease, insurance, dates }: LeaseInsurancePanelProps) {
  if (!lease && !insurance) return null;
  const title = lease && insurance ? "Lease & insurance" : lease ? "Lease" : "Insurance";
  return (
    <Panel id="lease" title={title}>
      {lease ? (
        <PanelSection title={insurance ? "Lease" : null}>
          <FactList
            facts={[
              // A calendar day stays as written; a timestamp is shown on the viewer's day (lib/dates).
              { key: "start", label: "Starts", value: dateOrNull(lease.startDate, dates) },
              { key: "end", label: "Ends", value: dateOrNull(lease.endDate, dates) },
              { key: "term", label: "Term", value: lease.term ? <span dir="auto">{lease.term}</span> : null },
            ]}
          />
        </PanelSection>
      ) : null}
      {insurance ? (
        <PanelSection title={lease ? "Insurance" : null}>
          <StatusSummary status={insurance} />
        </PanelSection>
      ) : null}
    </Panel>
  );
}
