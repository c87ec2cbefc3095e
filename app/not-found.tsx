import { ErrorState } from "@/components/ui/ErrorState";
import { SupportContact } from "@/components/ui/SupportContact";
import { supportContactsOf } from "@/lib/checkout/support";
import { env } from "@/lib/env";
import { checkoutListPath, signInPath } from "@/lib/urls/portal-urls";

export default function NotFound() {
  return (
    <ErrorState
      title="This page doesn't exist"
      body={
        <>
          <p>
            The address may be mistyped or out of date. Your orders are all on one page;{" "}
            <a href={signInPath()}>sign in</a> first if you aren&apos;t.
          </p>
          <SupportContact support={supportContactsOf(env())} lead="Need help?" />
        </>
      }
      action={{ href: checkoutListPath(), label: "See your orders" }}
    />
  );
}
