import { type SupportContacts, supportMailto, supportTel } from "@/lib/checkout/support";
import type { SupportContactWords } from "@/lib/checkout/words";
import styles from "./SupportContact.module.css";

type SupportContactProps = {
  support: SupportContacts;
  /** The checkout the customer asks about: its reference goes into the mail subject. */
  checkoutId?: string | null;
  /** The sentence before the links ("Questions about this order?"). */
  lead?: string;
  /** The mail subject and link names in the customer's language (supportContactWords). */
  words: SupportContactWords;
};

/** Every way to reach support, as working links: email (with the order reference), phone, help page. */
export function SupportContact({ support, checkoutId = null, lead, words }: SupportContactProps) {
  return (
    <p className={styles.contact}>
      {lead ? <span className={styles.lead}>{lead} </span> : null}
      <span className={styles.links}>
        <a href={supportMailto(support.email, checkoutId, words.mailSubject)}>{support.email}</a>
        {support.phone ? <a href={supportTel(support.phone)}>{support.phone}</a> : null}
        {support.url ? <a href={support.url}>{words.helpCentre}</a> : null}
      </span>
    </p>
  );
}
