import { redirect } from "next/navigation";
import { getCustomerSession } from "@/lib/auth/customer-session";

/** The portal's front door: customers go to their orders, everyone else to sign-in. */
export default async function HomePage() {
  const session = await getCustomerSession();
  if (!session) redirect("/signin");
  redirect(
    session.access.kind === "account"
      ? "/checkouts"
      : `/checkouts/${encodeURIComponent(session.access.checkoutId)}`,
  );
}
