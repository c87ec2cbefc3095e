import { ErrorState } from "@/components/ui/ErrorState";

export default function NotFound() {
  return (
    <ErrorState
      title="This page doesn't exist"
      body="The address may be mistyped or out of date."
      action={{ href: "/checkouts", label: "See your orders" }}
    />
  );
}
