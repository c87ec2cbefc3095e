import type { ShippingView } from "@/lib/checkout/types";
import type { DateContext } from "@/lib/dates";
import type { Translator } from "@/lib/i18n/translator";
import { AddressLines } from "../ui/AddressLines";
import { ButtonLink } from "../ui/ButtonLink";
import { CopyButton } from "../ui/CopyButton";
import { FactList } from "../ui/FactList";
import { dateOrNull } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";
import styles from "./ShippingPanel.module.css";
import { StatusSummary } from "./StatusSummary";

type ShippingPanelProps = {
  shipping: ShippingView;
  dates: DateContext;
  /** False when the page's action already leads to the carrier's page. */
  showTrackingLink?: boolean;
  /** The order reference the customer brings to a pickup. */
  reference: string;
  /** The page's headline: a status that only repeats it is left out (each fact once per page). */
  headline?: string;
  t: Translator;
};

// One shipping panel per page, so a fixed id is unique; CopyButton selects it when it cannot copy.
const TRACKING_NUMBER_ID = "tracking-number";

/** Where the package is: carrier, tracking number and link, dates, who signed. Or the pickup, for collections. */
export function ShippingPanel({
  shipping,
  dates,
  showTrackingLink = true,
  reference,
  headline,
  t,
}: ShippingPanelProps) {
  if (shipping.kind === "pickup") {
    return (
      <Panel id="shipping" title={t("checkout.panel.pickup")}>
        {shipping.status.label === headline ? null : <StatusSummary status={shipping.status} />}
        <FactList
          facts={[
            {
              key: "ready",
              label: t("checkout.fact.readySince"),
              value: dateOrNull(shipping.readyAt, dates, { withTime: true }),
            },
            {
              key: "picked-up",
              label: t("checkout.fact.collected"),
              value: dateOrNull(shipping.pickedUpAt, dates, { withTime: true }),
            },
          ]}
        />
        {shipping.pickedUpAt === null ? (
          <>
            <p>{t("checkout.shipping.whatToBring", { reference })}</p>
            <p>{t("checkout.shipping.whereToLook")}</p>
          </>
        ) : null}
      </Panel>
    );
  }

  const { carrierName, trackingNumber, trackingUrl } = shipping;
  return (
    <Panel id="shipping" title={t("checkout.panel.shipping")}>
      {shipping.trackingStatus && shipping.trackingStatus.label !== headline ? (
        <StatusSummary status={shipping.trackingStatus} />
      ) : null}
      <FactList
        facts={[
          {
            key: "carrier",
            label: t("checkout.fact.carrier"),
            value: carrierName ? <span dir="auto">{carrierName}</span> : null,
          },
          {
            key: "tracking",
            label: t("checkout.fact.trackingNumber"),
            value: trackingNumber ? (
              <span className={styles.tracking}>
                <span id={TRACKING_NUMBER_ID} dir="auto" className={styles.trackingNumber}>
                  {trackingNumber}
                </span>
                <CopyButton
                  value={trackingNumber}
                  labels={{
                    button: t("checkout.copy.trackingNumber.button"),
                    spokenWhat: t("checkout.copy.trackingNumber.spokenWhat"),
                    copied: t("checkout.copy.trackingNumber.copied"),
                    selected: t("checkout.copy.trackingNumber.selected"),
                    byHand: t("checkout.copy.trackingNumber.byHand"),
                  }}
                  targetId={TRACKING_NUMBER_ID}
                />
              </span>
            ) : null,
          },
          {
            key: "shipped",
            label: t("checkout.fact.shippedOn"),
            value: dateOrNull(shipping.shippedAt, dates, { withTime: true }),
          },
          {
            key: "delivered",
            label: t("checkout.fact.deliveredOn"),
            value: dateOrNull(shipping.deliveredAt, dates, { withTime: true }),
          },
          {
            key: "signed",
            label: t("checkout.fact.signedBy"),
            value: shipping.signedBy ? <span dir="auto">{shipping.signedBy}</span> : null,
          },
          {
            key: "address",
            label: shipping.deliveredAt ? t("checkout.fact.deliveredTo") : t("checkout.fact.deliveringTo"),
            value:
              shipping.address && shipping.address.length > 0 ? (
                <AddressLines lines={shipping.address} />
              ) : null,
          },
        ]}
      />
      {/* Only known carriers get a URL from the view model; an unknown one keeps the bare number. */}
      {trackingUrl && showTrackingLink ? (
        <p>
          <ButtonLink href={trackingUrl} variant="secondary" newTab={t("checkout.opensInNewTab")}>
            {carrierName
              ? t("checkout.shipping.trackOn", { carrier: carrierName })
              : t("checkout.shipping.trackYourPackage")}
          </ButtonLink>
        </p>
      ) : null}
    </Panel>
  );
}
