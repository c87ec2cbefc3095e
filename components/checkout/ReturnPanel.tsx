import type { ReturnView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { FactList } from "../ui/FactList";
import { dateOrNull } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";
import styles from "./ReturnPanel.module.css";
import { StatusSummary } from "./StatusSummary";

type ReturnPanelProps = {
  returns: ReturnView;
  dates: DateContext;
  /** The page's headline: a status that only repeats it is left out. */
  headline?: string;
  t: Translator;
};

/** The return: where it stands, its dates, and the reason and notes as the customer or team wrote them. */
export function ReturnPanel({ returns, dates, headline, t }: ReturnPanelProps) {
  return (
    <Panel id="returns" title={t("checkout.panel.returns")}>
      {returns.status.label === headline ? null : <StatusSummary status={returns.status} />}
      <FactList
        facts={[
          {
            key: "initiated",
            label: t("checkout.fact.returnStarted"),
            value: dateOrNull(returns.initiatedAt, dates, { withTime: true }),
          },
          {
            key: "cancelled",
            label: t("checkout.fact.returnCancelled"),
            value: dateOrNull(returns.cancelledAt, dates, { withTime: true }),
          },
          {
            key: "completed",
            label: t("checkout.fact.returnCompleted"),
            value: dateOrNull(returns.completedAt, dates, { withTime: true }),
          },
          {
            key: "reason",
            label: t("checkout.fact.reason"),
            value: returns.reason ? (
              <span dir="auto" className={styles.freeText}>
                {returns.reason}
              </span>
            ) : null,
          },
          {
            key: "notes",
            label: t("checkout.fact.notes"),
            value: returns.notes ? (
              <span dir="auto" className={styles.freeText}>
                {returns.notes}
              </span>
            ) : null,
          },
        ]}
      />
    </Panel>
  );
}
