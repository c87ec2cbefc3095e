import type { CheckoutRecord } from "./types";

export type SortColumn = "createdAt" | "updatedAt";

/** A scope's checkouts in ascending order of a column (ties by id); those without a value apart. */
type Ordering = {
  dated: readonly CheckoutRecord[];
  undated: readonly CheckoutRecord[];
};

/**
 * The checkouts currently served, indexed by id and by customer so a customer's list never scans
 * the whole store, with sort orders computed once per scope and column rather than per request.
 * Records are treated as immutable: a change replaces the record, which keeps the seed intact, so
 * reset only rebuilds the indexes instead of regenerating 100,000 checkouts.
 */
export class CheckoutStore {
  private all: CheckoutRecord[] = [];
  private readonly byId = new Map<string, CheckoutRecord>();
  private readonly byCustomer = new Map<string, CheckoutRecord[]>();
  private readonly orderings = new Map<string, Ordering>();

  constructor(private readonly seed: readonly CheckoutRecord[]) {
    this.reset();
  }

  reset(): void {
    this.all = [...this.seed];
    this.byId.clear();
    this.byCustomer.clear();
    this.orderings.clear();
    for (const record of this.all) {
      if (this.byId.has(record.id)) throw new Error(`duplicate seeded checkout id ${record.id}`);
      this.byId.set(record.id, record);
      const own = this.byCustomer.get(record.customerId);
      if (own) own.push(record);
      else this.byCustomer.set(record.customerId, [record]);
    }
  }

  get size(): number {
    return this.all.length;
  }

  get(id: string): CheckoutRecord | undefined {
    return this.byId.get(id);
  }

  everything(): readonly CheckoutRecord[] {
    return this.all;
  }

  ofCustomer(customerId: string): readonly CheckoutRecord[] {
    return this.byCustomer.get(customerId) ?? [];
  }

  /** All checkouts (or one customer's) ordered by `column`; cached until the next change. */
  ordered(customerId: string | undefined, column: SortColumn): Ordering {
    const key = `${column} ${customerId ?? ""}`;
    let ordering = this.orderings.get(key);
    if (!ordering) {
      const scope = customerId === undefined ? this.all : this.ofCustomer(customerId);
      ordering = orderingOf(scope, column);
      this.orderings.set(key, ordering);
    }
    return ordering;
  }

  /** Swaps in a changed version of an existing checkout (same id, same customer). */
  replace(updated: CheckoutRecord): void {
    const current = this.byId.get(updated.id);
    if (!current) throw new Error(`unknown checkout ${updated.id}`);
    if (current.customerId !== updated.customerId) throw new Error("a checkout cannot change customer");
    this.byId.set(updated.id, updated);
    swapIn(this.all, current, updated);
    swapIn(this.byCustomer.get(updated.customerId) ?? [], current, updated);
    this.orderings.clear();
  }
}

function swapIn(records: CheckoutRecord[], current: CheckoutRecord, updated: CheckoutRecord): void {
  const index = records.indexOf(current);
  if (index >= 0) records[index] = updated;
}

function orderingOf(scope: readonly CheckoutRecord[], column: SortColumn): Ordering {
  // Keys are read once up front: records come in many shapes, so reading them inside the
  // comparator (millions of times for 100,000 records) is several times slower.
  const keyed: { key: string; id: string; record: CheckoutRecord }[] = [];
  const undated: CheckoutRecord[] = [];
  for (const record of scope) {
    const key = record[column];
    if (key === null) undated.push(record);
    else keyed.push({ key, id: record.id, record });
  }
  // ISO 8601 timestamps in UTC ("…Z") order correctly as plain strings.
  keyed.sort((a, b) => compareStrings(a.key, b.key) || compareStrings(a.id, b.id));
  undated.sort((a, b) => compareStrings(a.id, b.id));
  return { dated: keyed.map((entry) => entry.record), undated };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
