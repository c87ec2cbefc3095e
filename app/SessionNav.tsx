import Link from "next/link";
import { getCustomerSession } from "@/lib/auth/customer-session";
import { getTranslator } from "@/lib/request/locale";
import { checkoutListPath, PORTAL_PATHS } from "@/lib/urls/portal-urls";
import styles from "./layout.module.css";

/** The header's right side: the way to all orders and out again, for whoever is signed in. */
export async function SessionNav() {
  const session = await getCustomerSession();
  if (!session) return null;
  const t = await getTranslator();
  return (
    <nav aria-label={t("site.nav.label")} className={styles.nav}>
      {session.access.kind === "account" && (
        <Link className={styles.navLink} href={checkoutListPath()} prefetch={false}>
          {t("site.nav.myOrders")}
        </Link>
      )}
      {/* Signing out changes cookies: a form post, never a client-side navigation. */}
      <form method="post" action={PORTAL_PATHS.signOut}>
        <button type="submit" className={styles.navButton}>
          {t("site.nav.signOut")}
        </button>
      </form>
    </nav>
  );
}
