import { ErrorState } from "@/components/ui/ErrorState";
import { SupportContact } from "@/components/ui/SupportContact";
import { supportContactsOf } from "@/lib/checkout/support";
import { supportContactWords } from "@/lib/checkout/words";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/request/locale";
import { checkoutListPath } from "@/lib/urls/portal-urls";

/** The same answer for a checkout that does not exist and for one that is someone else's. */
export default async function CheckoutNotFound() {
  const t = await getTranslator();
  return (
    <ErrorState
      title={t("site.checkoutNotFound.title")}
      body={
        <>
          <p>{t("site.checkoutNotFound.body")}</p>
          <SupportContact
            support={supportContactsOf(env())}
            lead={t("site.checkoutNotFound.help")}
            words={supportContactWords(t, null)}
          />
        </>
      }
      action={{ href: checkoutListPath(), label: t("site.checkoutNotFound.seeOrders") }}
    />
  );
}
