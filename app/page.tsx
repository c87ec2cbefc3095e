import { redirect } from "next/navigation";
import { getCustomerSession } from "@/lib/auth/customer-session";
import { checkoutListPath, checkoutPath, signInPath } from "@/lib/urls/portal-urls";

/** The portal's front door: customers go to their orders, everyone else to sign-in. */
export default async function HomePage() {
  const session = await getCustomerSession();
  if (!session) redirect(signInPath());
  redirect(session.access.kind === "account" ? checkoutListPath() : checkoutPath(session.access.checkoutId));
}
