import type { CheckoutView } from "@/lib/checkout/types";
import type { Translator } from "@/lib/i18n/translator";
import { withStableKeys } from "../../lib/stable-keys";
import { FactList } from "../ui/FactList";
import { Panel } from "../ui/Panel";
import { VisuallyHidden } from "../ui/VisuallyHidden";
import styles from "./OrderItemsPanel.module.css";

type OrderItemsPanelProps = Pick<CheckoutView, "items" | "externalOrderId"> & { t: Translator };

/** What was ordered (name × quantity) and the shop's order reference; nothing when neither is known. */
export function OrderItemsPanel({ items, externalOrderId, t }: OrderItemsPanelProps) {
  if (items.length === 0 && !externalOrderId) return null;
  return (
    <Panel id="order" title={t("checkout.panel.yourOrder")}>
      {items.length > 0 ? (
        <ul className={styles.items}>
          {withStableKeys(items, (item) => item.name).map(({ key, entry: item }) => (
            <li key={key} className={styles.item}>
              <span dir="auto" className={styles.name}>
                {item.name}
              </span>
              <span className={styles.quantity}>
                <span aria-hidden="true">× </span>
                <VisuallyHidden>{t("checkout.fact.quantity")} </VisuallyHidden>
                {item.quantity}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <FactList
        facts={[
          {
            key: "reference",
            label: t("checkout.fact.orderReference"),
            value: externalOrderId ? (
              <span dir="auto" className={styles.reference}>
                {externalOrderId}
              </span>
            ) : null,
          },
        ]}
      />
    </Panel>
  );
}
