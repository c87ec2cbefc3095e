import type { LeaseView, StatusView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { FactList } from "../ui/FactList";
import { dateOrNull } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";
import { PanelSection } from "../ui/PanelSection";
import { StatusSummary } from "./StatusSummary";

type LeaseInsurancePanelProps = {
  lease: LeaseView | null;
  insurance: StatusView | null;
  dates: DateContext;
  t: Translator;
};

/** The lease (dates, term) and the insurance status; renders nothing when neither is known. */
export function LeaseInsurancePanel({ lease, insurance, dates, t }: LeaseInsurancePanelProps) {
  if (!lease && !insurance) return null;
  const title =
    lease && insurance
      ? t("checkout.panel.leaseAndInsurance")
      : lease
        ? t("checkout.panel.lease")
        : t("checkout.panel.insurance");
  return (
    <Panel id="lease" title={title}>
      {lease ? (
        <PanelSection title={insurance ? t("checkout.panel.lease") : null}>
          <FactList
            facts={[
              // A calendar day stays as written; a timestamp is shown on the viewer's day (lib/dates).
              { key: "start", label: t("checkout.fact.starts"), value: dateOrNull(lease.startDate, dates) },
              { key: "end", label: t("checkout.fact.ends"), value: dateOrNull(lease.endDate, dates) },
              {
                key: "term",
                label: t("checkout.fact.term"),
                value: lease.term ? <span dir="auto">{lease.term}</span> : null,
              },
            ]}
          />
        </PanelSection>
      ) : null}
      {insurance ? (
        <PanelSection title={lease ? t("checkout.panel.insurance") : null}>
          <StatusSummary status={insurance} />
        </PanelSection>
      ) : null}
    </Panel>
  );
}
