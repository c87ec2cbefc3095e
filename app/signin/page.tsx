import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCustomerSession } from "@/lib/auth/customer-session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { getDemoCustomers } from "@/lib/sweetspot/sandbox-customers";
import { PORTAL_PATHS } from "@/lib/urls/portal-urls";
import { OidcSignInButton } from "./OidcSignInButton";
import styles from "./signin.module.css";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  const wantsAccount = params.reason === "account";

  const session = await getCustomerSession();
  if (session?.access.kind === "account") redirect(callbackUrl);

  const config = env();
  const demoCustomers = await getDemoCustomers();

  return (
    <>
      <h1>Sign in to see your orders</h1>
      {wantsAccount && (
        <p className={styles.notice}>
          The link you used opens a single order. To see all your orders, sign in.
        </p>
      )}
      {params.signedOut === "1" && <p className={styles.notice}>You’re signed out.</p>}
      {params.error !== undefined && (
        <p className={styles.notice}>We couldn’t sign you in. Please try again.</p>
      )}
      <p className={styles.intro}>
        Got an email from The Sweet Spot about your order? The link in it signs you in — no password needed.
      </p>

      <section className={styles.section} aria-labelledby="email-sign-in">
        <h2 id="email-sign-in">{config.oidc ? "With a link from your email" : "How to sign in"}</h2>
        <ol className={styles.steps}>
          <li>Open the newest email from us about your order and select its link.</li>
          <li>
            Link expired? Open it anyway: the page tells you how to get a new one, sent to the email address
            on your order.
          </li>
        </ol>
        <p className={styles.intro}>
          No email, or still stuck? Contact us at{" "}
          <a href={`mailto:${config.supportEmail}`}>{config.supportEmail}</a>.
        </p>
      </section>

      {config.oidc && (
        <section className={styles.section} aria-labelledby="account-sign-in">
          <h2 id="account-sign-in">With your account</h2>
          <OidcSignInButton callbackUrl={callbackUrl} providerName="your Sweet Spot account" />
        </section>
      )}

      {config.sandboxMode && (
        <section className={styles.section} aria-labelledby="sandbox-sign-in">
          <h2 id="sandbox-sign-in">Sandbox demo customers</h2>
          <p className={styles.intro}>
            This portal runs against the local sandbox API. Sign in as one of its demo customers.
          </p>
          {demoCustomers.length === 0 ? (
            <p>The sandbox is not answering. Start it with the portal (npm start).</p>
          ) : (
            <ul className={styles.customers}>
              {demoCustomers.map((customer) => (
                <li key={customer.id} className={styles.customer}>
                  <div className={styles.customerText}>
                    <p className={styles.customerName}>{customer.name}</p>
                    <p className={styles.customerDescription}>{customer.description}</p>
                  </div>
                  <form method="post" action={PORTAL_PATHS.sandboxSignIn}>
                    <input type="hidden" name="userId" value={customer.id} />
                    <input type="hidden" name="callbackUrl" value={callbackUrl} />
                    <button type="submit" className={styles.primaryButton}>
                      Sign in as {customer.name}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
