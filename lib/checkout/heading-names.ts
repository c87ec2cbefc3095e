/**
 * What a list card's heading adds, for screen readers only, so that no two headings on a page read
 * the same: two orders of one item share a title ("Oak standing desk"), and a list of headings that
 * says one name twice tells the customer nothing. Sighted customers tell them apart by the line under
 * the title (date and reference), which this repeats inside the heading.
 */
export type HeadingTiebreak = {
  /** Add the order (or start) date. */
  date: boolean;
  /** Add the reference: the date alone does not tell this card from another with its title. */
  reference: boolean;
};

type Card = { id: string; title: string; createdAt: string | null };

/**
 * The tiebreak for each card whose title another card on the page shares; a card whose title is its
 * own is absent and keeps its heading as short as it was. `dayOf` is the date as the page shows it.
 */
export function headingTiebreaks(
  cards: readonly Card[],
  dayOf: (createdAt: string | null) => string | null,
): Map<string, HeadingTiebreak> {
  const byTitle = new Map<string, Card[]>();
  for (const card of cards) byTitle.set(card.title, [...(byTitle.get(card.title) ?? []), card]);
  const tiebreaks = new Map<string, HeadingTiebreak>();
  for (const same of byTitle.values()) {
    if (same.length < 2) continue;
    const days = same.map((card) => dayOf(card.createdAt));
    for (const [index, card] of same.entries()) {
      const day = days[index] ?? null;
      const dayIsUnique = day !== null && days.filter((other) => other === day).length === 1;
      tiebreaks.set(card.id, { date: day !== null, reference: !dayIsUnique });
    }
  }
  return tiebreaks;
}
