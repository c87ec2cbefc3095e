"use client";

import { signIn } from "next-auth/react";
import styles from "./signin.module.css";

/**
 * Starts the OpenID Connect round trip; next-auth needs its CSRF token, hence a client leaf. Its words
 * come already translated from the server page, so no message catalogue ships to the browser.
 */
export function OidcSignInButton({ callbackUrl, label }: { callbackUrl: string; label: string }) {
  return (
    <button type="button" className={styles.primaryButton} onClick={() => signIn("oidc", { callbackUrl })}>
      {label}
    </button>
  );
}
