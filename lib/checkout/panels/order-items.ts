import type { Translator } from "@/lib/i18n/translator";
import type { CheckoutFacts } from "../facts";
import { shortReference } from "../support";
import { singleLineText, truncatedText } from "../text";
import type { CheckoutView } from "../types";

const MAX_TITLE_LENGTH = 120;
/** Leaves room in the title for " + 3 more". */
const MAX_TITLE_NAME_LENGTH = 90;
const MAX_NAME_LENGTH = 500;
const MAX_EXTERNAL_ORDER_ID_LENGTH = 120;
/** More lines than any order page should render; the title still counts them all. */
const MAX_ITEMS = 100;

type OrderItems = Pick<CheckoutView, "title" | "items" | "externalOrderId">;

/** The order items panel, and the page's title, which names what was ordered. */
export function orderItemsFor({ record }: CheckoutFacts, t: Translator): OrderItems {
  const items = (record.purchaseItems ?? []).flatMap((item) => {
    const name = singleLineText(item.name, MAX_NAME_LENGTH);
    return name === null ? [] : [{ name, quantity: item.quantity ?? 1 }];
  });
  return {
    title: titleFor(t, items, record),
    items: items.slice(0, MAX_ITEMS),
    externalOrderId: singleLineText(record.externalOrderId, MAX_EXTERNAL_ORDER_ID_LENGTH),
  };
}

/** "Pearl espresso machine + 1 more", "2 × Oak chair", else "Order <external id>", else "Your order · ref <ref>". */
function titleFor(
  t: Translator,
  items: CheckoutView["items"],
  record: Pick<CheckoutFacts["record"], "id" | "externalOrderId">,
): string {
  const first = items[0];
  if (first !== undefined) {
    const name = truncatedText(first.name, MAX_TITLE_NAME_LENGTH);
    const line =
      first.quantity > 1 ? t("checkout.title.quantityOf", { quantity: first.quantity, name }) : name;
    return truncatedText(
      items.length > 1 ? t("checkout.title.andMore", { first: line, others: items.length - 1 }) : line,
      MAX_TITLE_LENGTH,
    );
  }
  const orderId = singleLineText(record.externalOrderId, MAX_TITLE_NAME_LENGTH);
  if (orderId !== null) return truncatedText(t("checkout.title.order", { orderId }), MAX_TITLE_LENGTH);
  // No item names and no order number: a friendly title, never the raw id.
  return t("checkout.title.checkout", { reference: shortReference(record.id) });
}
