"use client";

import { signIn } from "next-auth/react";
import styles from "./signin.module.css";

/** Starts the OpenID Connect round trip; next-auth needs its CSRF token, hence a client leaf. */
export function OidcSignInButton({
  callbackUrl,
  providerName,
}: {
  callbackUrl: string;
  providerName: string;
}) {
  return (
    <button type="button" className={styles.primaryButton} onClick={() => signIn("oidc", { callbackUrl })}>
      Sign in with {providerName}
    </button>
  );
}
