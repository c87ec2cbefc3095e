/** How customers reach support (SUPPORT_EMAIL, SUPPORT_PHONE, SUPPORT_URL); passed to pages as is. */
export type SupportContacts = { email: string; phone: string | null; url: string | null };

/** The short reference customers can quote: the last characters of the public checkout id. */
export function shortReference(checkoutId: string): string {
  const tail = checkoutId.replace(/^chk_/, "").slice(-6);
  return tail.length < checkoutId.length ? `…${tail}` : tail;
}

/**
 * `mailto:` with the checkout's reference in the subject, so support can find the order at once.
 * `subject` is the subject in the customer's language (`checkout.support.subjectFor` / `subject`); the
 * English one is the fallback for callers that have no translator (client error boundaries): this module
 * is imported by client code and must not import the messages.
 */
export function supportMailto(email: string, checkoutId: string | null, subject?: string): string {
  const text =
    subject ?? (checkoutId === null ? "Question about my order" : `Question about my order ${checkoutId}`);
  return `mailto:${email}?subject=${encodeURIComponent(text)}`;
}

/** `tel:` with only what a dialler reads (digits, a leading +). */
export function supportTel(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  return `tel:${digits.startsWith("+") ? `+${digits.slice(1).replace(/\+/g, "")}` : digits.replace(/\+/g, "")}`;
}

/** The configured ways to reach support (lib/config/schema.ts). */
export function supportContactsOf(config: {
  supportEmail: string;
  supportPhone: string | null;
  supportUrl: string | null;
}): SupportContacts {
  return { email: config.supportEmail, phone: config.supportPhone, url: config.supportUrl };
}
