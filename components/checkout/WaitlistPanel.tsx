import type { WaitlistView } from "@/lib/checkout/types";
import type { Translator } from "@/lib/i18n/translator";
import { AddressLines } from "../ui/AddressLines";
import { FactList } from "../ui/FactList";
import { Panel } from "../ui/Panel";
import { StatusSummary } from "./StatusSummary";

type WaitlistPanelProps = {
  waitlist: WaitlistView;
  /** The page's headline: a reason that only repeats it is left out. */
  headline?: string;
  t: Translator;
};

/** Why the checkout is waiting (e.g. not yet available where the customer lives), and for which address. */
export function WaitlistPanel({ waitlist, headline, t }: WaitlistPanelProps) {
  return (
    <Panel id="waitlist" title={t("checkout.panel.waitlist")}>
      {waitlist.reason.label === headline ? null : <StatusSummary status={waitlist.reason} />}
      {waitlist.locationMessage ? <p dir="auto">{waitlist.locationMessage}</p> : null}
      <FactList
        facts={[
          {
            key: "address",
            label: t("checkout.fact.address"),
            value:
              waitlist.address && waitlist.address.length > 0 ? (
                <AddressLines lines={waitlist.address} />
              ) : null,
          },
        ]}
      />
    </Panel>
  );
}
