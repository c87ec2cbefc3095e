import type { CheckoutStore, SortColumn } from "./store";
import type { CheckoutRecord } from "./types";

/** The list endpoint's query parameters: strict validation, then filter, sort and page. */

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/** Far beyond the largest possible store; anything larger is a client bug worth a clear 400. */
const MAX_OFFSET = 1_000_000;

const SORT_COLUMNS: Record<string, SortColumn> = {
  created_at: "createdAt",
  createdAt: "createdAt",
  updated_at: "updatedAt",
  updatedAt: "updatedAt",
};
const WAITLIST_REASONS = new Set(["inventory", "location"]);

type ListQuery = {
  offset: number;
  limit: number;
  userId?: string;
  id?: string;
  organizationId?: number;
  organizationIds?: ReadonlySet<number>;
  lifecycle?: string;
  lifecycles?: ReadonlySet<string>;
  waitlistReason?: string;
  externalOrderId?: string;
  sortBy: SortColumn;
  sortOrder: "asc" | "desc";
};

type ParsedListQuery = { ok: true; query: ListQuery } | { ok: false; message: string };

class InvalidParameter extends Error {}

export function parseListQuery(params: URLSearchParams): ParsedListQuery {
  try {
    const organizationIds = params.has("organizationIds")
      ? new Set(params.getAll("organizationIds").flatMap(parseOrganizationIdList))
      : undefined;
    const waitlistReason = single(params, "waitlistReason");
    if (waitlistReason !== undefined && !WAITLIST_REASONS.has(waitlistReason)) {
      throw new InvalidParameter(
        `waitlistReason must be "inventory" or "location" (got ${quoted(waitlistReason)})`,
      );
    }
    const sortBy = single(params, "sortBy") ?? "created_at";
    const sortColumn = SORT_COLUMNS[sortBy];
    if (sortColumn === undefined) {
      throw new InvalidParameter(
        `sortBy must be one of created_at, updated_at, createdAt, updatedAt (got ${quoted(sortBy)})`,
      );
    }
    const sortOrder = single(params, "sortOrder") ?? "desc";
    if (sortOrder !== "asc" && sortOrder !== "desc") {
      throw new InvalidParameter(`sortOrder must be "asc" or "desc" (got ${quoted(sortOrder)})`);
    }
    const lifecycles = single(params, "lifecycles");
    const organizationId = single(params, "organizationId");
    return {
      ok: true,
      query: {
        offset: integerParameter(params, "offset", 0, MAX_OFFSET) ?? 0,
        limit: integerParameter(params, "limit", 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
        userId: single(params, "userId"),
        id: single(params, "id"),
        organizationId:
          organizationId === undefined ? undefined : toInteger("organizationId", organizationId),
        organizationIds,
        lifecycle: single(params, "lifecycle"),
        lifecycles: lifecycles === undefined ? undefined : parseLifecycleList(lifecycles),
        waitlistReason,
        externalOrderId: single(params, "externalOrderId"),
        sortBy: sortColumn,
        sortOrder,
      },
    };
  } catch (error) {
    if (error instanceof InvalidParameter) return { ok: false, message: error.message };
    throw error;
  }
}

/** The page of checkouts the query asks for, in the requested order. */
export function listCheckouts(store: CheckoutStore, query: ListQuery): CheckoutRecord[] {
  const page: CheckoutRecord[] = [];
  let toSkip = query.offset;
  for (const record of inRequestedOrder(store, query)) {
    if (!matchesFilters(record, query)) continue;
    if (toSkip > 0) {
      toSkip--;
      continue;
    }
    page.push(record);
    if (page.length === query.limit) break;
  }
  return page;
}

/**
 * The candidates, narrowed through the store's indexes (a customer's list never walks all 100,000
 * checkouts) and walked in the cached order, so a page costs offset + limit steps, not a sort.
 * Missing timestamps come last either way.
 */
function* inRequestedOrder(store: CheckoutStore, query: ListQuery): Generator<CheckoutRecord> {
  if (query.id !== undefined) {
    const one = store.get(query.id);
    if (one) yield one;
    return;
  }
  const { dated, undated } = store.ordered(query.userId, query.sortBy);
  if (query.sortOrder === "asc") {
    yield* dated;
  } else {
    for (let index = dated.length - 1; index >= 0; index--) {
      const record = dated[index];
      if (record) yield record;
    }
  }
  yield* undated;
}

function matchesFilters(record: CheckoutRecord, query: ListQuery): boolean {
  return (
    (query.userId === undefined || record.customerId === query.userId) &&
    (query.id === undefined || record.id === query.id) &&
    (query.organizationId === undefined || record.organizationId === query.organizationId) &&
    (query.organizationIds === undefined ||
      (record.organizationId !== undefined && query.organizationIds.has(record.organizationId))) &&
    (query.lifecycle === undefined || record.lifecycle === query.lifecycle) &&
    (query.lifecycles === undefined ||
      (record.lifecycle !== null && query.lifecycles.has(record.lifecycle))) &&
    (query.waitlistReason === undefined || record.waitlistReason === query.waitlistReason) &&
    (query.externalOrderId === undefined || record.externalOrderId === query.externalOrderId)
  );
}

/** A parameter that may appear at most once and, when present, must not be empty. */
function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length === 0) return undefined;
  if (values.length > 1) throw new InvalidParameter(`${name} must be given at most once`);
  const value = values[0] ?? "";
  // An empty filter is far more likely a caller bug than a wish to see everything.
  if (value.trim() === "") throw new InvalidParameter(`${name} must not be empty`);
  return value;
}

function integerParameter(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new InvalidParameter(`${name} must be an integer from ${min} to ${max} (got ${quoted(raw)})`);
  }
  return value;
}

function toInteger(name: string, raw: string): number {
  if (!/^\d{1,9}$/.test(raw.trim()))
    throw new InvalidParameter(`${name} must be an integer (got ${quoted(raw)})`);
  return Number(raw.trim());
}

/** Accepts the documented `[123]`, as well as `[1,2]`, `1,2` and plain `1` (repeatable). */
function parseOrganizationIdList(raw: string): number[] {
  const inner = raw.trim().replace(/^\[(.*)\]$/s, "$1");
  const parts = inner.split(",").map((part) => part.trim());
  if (parts.some((part) => !/^\d{1,9}$/.test(part))) {
    throw new InvalidParameter(
      `organizationIds must be a list of integers such as [123] or 1,2 (got ${quoted(raw)})`,
    );
  }
  return parts.map(Number);
}

function parseLifecycleList(raw: string): Set<string> {
  const lifecycles = raw
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (lifecycles.length === 0) throw new InvalidParameter("lifecycles must list at least one lifecycle");
  return new Set(lifecycles);
}

/** Echoes a bad value back, shortened so a hostile query cannot blow up the error body. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
