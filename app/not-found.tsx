import { ErrorState } from "@/components/ui/ErrorState";
import { checkoutListPath } from "@/lib/urls/portal-urls";

export default function NotFound() {
  return (
    <ErrorState
      title="This page doesn't exist"
      body="The address may be mistyped or out of date."
      action={{ href: checkoutListPath(), label: "See your orders" }}
    />
  );
}
