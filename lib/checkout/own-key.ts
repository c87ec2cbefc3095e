/**
 * Looks up an API value in one of our tables. Only own keys count: a plain `table[value]` would answer
 * "constructor" or "__proto__" from Object.prototype, and those strings can arrive from the API.
 */
export function valueForKey<T>(
  table: Readonly<Record<string, T>>,
  key: string | null | undefined,
): T | undefined {
  if (typeof key !== "string" || !Object.hasOwn(table, key)) return undefined;
  return table[key];
}
