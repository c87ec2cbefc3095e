import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./ButtonLink.module.css";
import { isPortalPath } from "./link-targets";
import { VisuallyHidden } from "./VisuallyHidden";

type ButtonLinkProps = {
  href: string;
  children: ReactNode;
  variant?: "primary" | "secondary";
  /**
   * Opens in a new tab, with rel="noopener noreferrer"; the value is the spoken note that says so, in
   * the customer's language ("(opens in a new tab)", `checkout.opensInNewTab`).
   */
  newTab?: string | null;
  /** For links that leave the portal in the same tab (e.g. rel="noopener noreferrer"). */
  rel?: string;
};

/** A link that looks like a button: for the one action a customer should take. At least 44px high. */
export function ButtonLink({ href, children, variant = "primary", newTab = null, rel }: ButtonLinkProps) {
  const className = `${styles.button} ${styles[variant]}`;
  const content = (
    <>
      <span dir="auto" className={styles.text}>
        {children}
      </span>
      {newTab ? <VisuallyHidden> {newTab}</VisuallyHidden> : null}
    </>
  );
  // Portal pages go through the router (no full reload); other sites, mail links and in-page anchors
  // are plain links. No prefetch: each portal page is a per-customer read of the API (link-targets.ts).
  if (isPortalPath(href) && !newTab) {
    return (
      <Link href={href} className={className} rel={rel} prefetch={false}>
        {content}
      </Link>
    );
  }
  return (
    <a
      href={href}
      className={className}
      rel={newTab ? "noopener noreferrer" : rel}
      target={newTab ? "_blank" : undefined}
    >
      {content}
    </a>
  );
}
