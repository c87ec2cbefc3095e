/**
 * React keys for lists whose entries may repeat (address lines, item names, fees): the entry's own
 * text, numbered on repeats. Steadier than the index when a live refresh inserts an entry.
 */
export function withStableKeys<T>(
  entries: readonly T[],
  keyOf: (entry: T) => string,
): { key: string; entry: T }[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const base = keyOf(entry);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { key: count === 0 ? base : `${base}#${count}`, entry };
  });
}
