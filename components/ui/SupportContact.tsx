import { type SupportContacts, supportMailto, supportTel } from "@/lib/checkout/support";
import styles from "./SupportContact.module.css";

export type SupportContactProps = {
  support: SupportContacts;
  /** The checkout the customer asks about: its reference goes into the mail subject. */
  checkoutId?: string | null;
  /** The sentence before the links ("Questions about this order?"). */
  lead?: string;
};

/** Every way to reach support, as working links: email (with the order reference), phone, help page. */
export function SupportContact({ support, checkoutId = null, lead }: SupportContactProps) {
  return (
    <p className={styles.contact}>
      {lead ? <span className={styles.lead}>{lead} </span> : null}
      <span className={styles.links}>
        <a href={supportMailto(support.email, checkoutId)}>{support.email}</a>
        {support.phone ? <a href={supportTel(support.phone)}>{support.phone}</a> : null}
        {support.url ? <a href={support.url}>Help centre</a> : null}
      </span>
    </p>
  );
}
