import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCustomerSession } from "@/lib/auth/customer-session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/request/locale";
import { getDemoCustomers } from "@/lib/sweetspot/sandbox-customers";
import { PORTAL_PATHS } from "@/lib/urls/portal-urls";
import { OidcSignInButton } from "./OidcSignInButton";
import { signInErrorMessage } from "./sign-in-error";
import styles from "./signin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("site.signIn.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  const wantsAccount = params.reason === "account";

  const session = await getCustomerSession();
  if (session?.access.kind === "account") redirect(callbackUrl);

  const config = env();
  const [demoCustomers, t] = await Promise.all([getDemoCustomers(), getTranslator()]);
  const error = signInErrorMessage(params.error);

  return (
    <>
      <h1>{t("site.signIn.heading")}</h1>
      {wantsAccount && <p className={styles.notice}>{t("site.signIn.accountNeeded")}</p>}
      {params.signedOut === "1" && <p className={styles.notice}>{t("site.signIn.signedOut")}</p>}
      {error && <p className={styles.notice}>{t(`site.signIn.errors.${error}`)}</p>}
      <p className={styles.intro}>{t("site.signIn.intro")}</p>

      <section className={styles.section} aria-labelledby="email-sign-in">
        <h2 id="email-sign-in">
          {config.oidc ? t("site.signIn.emailHeadingBesideAccount") : t("site.signIn.emailHeading")}
        </h2>
        <ol className={styles.steps}>
          <li>{t("site.signIn.stepOpenEmail")}</li>
          <li>{t("site.signIn.stepExpiredLink")}</li>
        </ol>
        <p className={styles.intro}>
          {t.rich("site.signIn.stillStuck", {
            email: config.supportEmail,
            mail: (address) => <a href={`mailto:${config.supportEmail}`}>{address}</a>,
          })}
        </p>
      </section>

      {config.oidc && (
        <section className={styles.section} aria-labelledby="account-sign-in">
          <h2 id="account-sign-in">{t("site.signIn.accountHeading")}</h2>
          <OidcSignInButton callbackUrl={callbackUrl} label={t("site.signIn.accountButton")} />
        </section>
      )}

      {config.sandboxMode && (
        <section className={styles.section} aria-labelledby="sandbox-sign-in">
          <h2 id="sandbox-sign-in">{t("site.signIn.sandbox.heading")}</h2>
          <p className={styles.intro}>{t("site.signIn.sandbox.intro")}</p>
          {demoCustomers.length === 0 ? (
            <p>{t("site.signIn.sandbox.notAnswering")}</p>
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
                      {t("site.signIn.sandbox.signInAs", { name: customer.name })}
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
