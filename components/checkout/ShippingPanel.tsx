import type { ShippingView } from "@/lib/checkout/types";
import { PICKUP_HELP_WORDS } from "@/lib/checkout/words";
import type { DateContext } from "@/lib/dates";
import { AddressLines } from "../ui/AddressLines";
import { ButtonLink } from "../ui/ButtonLink";
import { CopyButton } from "../ui/CopyButton";
import { FactList } from "../ui/FactList";
import { dateOrNull } from "../ui/FormattedDate";
import { Panel } from "../ui/Panel";
import styles from "./ShippingPanel.module.css";
import { StatusSummary } from "./StatusSummary";

export type ShippingPanelProps = {
  shipping: ShippingView;
  dates: DateContext;
  /** False when the page's action already leads to the carrier's page. */
  showTrackingLink?: boolean;
  /** The order reference the customer brings to a pickup. */
  reference: string;
  /** The page's headline: a status that only repeats it is left out (each fact once per page). */
  headline?: string;
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
}: ShippingPanelProps) {
  if (shipping.kind === "pickup") {
    return (
      <Panel id="shipping" title="Pickup">
        {shipping.status.label === headline ? null : <StatusSummary status={shipping.status} />}
        <FactList
          facts={[
            {
              key: "ready",
              label: "Ready since",
              value: dateOrNull(shipping.readyAt, dates, { withTime: true }),
            },
            {
              key: "picked-up",
              label: "Collected",
              value: dateOrNull(shipping.pickedUpAt, dates, { withTime: true }),
            },
          ]}
        />
        {shipping.pickedUpAt === null ? (
          <>
            <p>
              {PICKUP_HELP_WORDS.whatToBring} (ref {reference}).
            </p>
            <p>{PICKUP_HELP_WORDS.whereToLook}</p>
          </>
        ) : null}
      </Panel>
    );
  }

  const { carrierName, trackingNumber, trackingUrl } = shipping;
  return (
    <Panel id="shipping" title="Shipping">
      {shipping.trackingStatus && shipping.trackingStatus.label !== headline ? (
        <StatusSummary status={shipping.trackingStatus} />
      ) : null}
      <FactList
        facts={[
          {
            key: "carrier",
            label: "Carrier",
            value: carrierName ? <span dir="auto">{carrierName}</span> : null,
          },
          {
            key: "tracking",
            label: "Tracking number",
            value: trackingNumber ? (
              <span className={styles.tracking}>
                <span id={TRACKING_NUMBER_ID} dir="auto" className={styles.trackingNumber}>
                  {trackingNumber}
                </span>
                <CopyButton value={trackingNumber} what="tracking number" targetId={TRACKING_NUMBER_ID} />
              </span>
            ) : null,
          },
          {
            key: "shipped",
            label: "Shipped on",
            value: dateOrNull(shipping.shippedAt, dates, { withTime: true }),
          },
          {
            key: "delivered",
            label: "Delivered on",
            value: dateOrNull(shipping.deliveredAt, dates, { withTime: true }),
          },
          {
            key: "signed",
            label: "Signed for by",
            value: shipping.signedBy ? <span dir="auto">{shipping.signedBy}</span> : null,
          },
          {
            key: "address",
            label: shipping.deliveredAt ? "Delivered to" : "Delivering to",
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
          <ButtonLink href={trackingUrl} variant="secondary" newTab>
            {carrierName ? `Track on ${carrierName}` : "Track your package"}
          </ButtonLink>
        </p>
      ) : null}
    </Panel>
  );
}
