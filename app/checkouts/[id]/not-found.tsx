import { ErrorState } from "@/components/ui/ErrorState";
import { SupportContact } from "@/components/ui/SupportContact";
import { supportContactsOf } from "@/lib/checkout/support";
import { env } from "@/lib/env";
import { checkoutListPath } from "@/lib/urls/portal-urls";

/** The same answer for a checkout that does not exist and for one that is someone else's. */
export default function CheckoutNotFound() {
  return (
    <ErrorState
      title="We can't find that order"
      body={
        <>
          <p>
            It may belong to another account, or the link may be incomplete. Your orders are all listed on one
            page.
          </p>
          <SupportContact support={supportContactsOf(env())} lead="Still can't find it?" />
        </>
      }
      action={{ href: checkoutListPath(), label: "See your orders" }}
    />
  );
}
