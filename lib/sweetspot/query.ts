/**
 * Query strings for GET /v1/checkouts, built exactly as the documents show them: `lifecycles`
 * comma-separated, `organizationIds` as a bracketed list (`[123]`), `sortBy` as the snake_case column.
 * Parameters come out in the documented order; `undefined` means "not sent".
 */

const SORT_FIELDS = {
  createdAt: "created_at",
  updatedAt: "updated_at",
  created_at: "created_at",
  updated_at: "updated_at",
} as const;

type SortField = keyof typeof SORT_FIELDS;
type SortOrder = "asc" | "desc";

export type ListCheckoutsParams = {
  offset?: number;
  limit?: number;
  /** Customer public id (`usr_…`). */
  userId?: string;
  /** Checkout public id. */
  id?: string;
  organizationId?: number;
  organizationIds?: readonly number[];
  lifecycle?: string;
  lifecycles?: readonly string[];
  waitlistReason?: string;
  /** camelCase inputs are sent as the API's snake_case column names. */
  sortBy?: SortField;
  sortOrder?: SortOrder;
  externalOrderId?: string;
};

/** Programming errors (bad arguments) are RangeErrors: they never reach the API, and they are not upstream errors. */
export function buildCheckoutsQuery(params: ListCheckoutsParams = {}): URLSearchParams {
  const query = new URLSearchParams();
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) query.append(name, value);
  };

  add("offset", optionalInteger("offset", params.offset, 0));
  add("limit", optionalInteger("limit", params.limit, 1));
  add("userId", optionalText("userId", params.userId));
  add("id", optionalText("id", params.id));
  add("organizationId", optionalInteger("organizationId", params.organizationId, 0));
  add("organizationIds", organizationIds(params.organizationIds));
  add("lifecycle", optionalText("lifecycle", params.lifecycle));
  add("lifecycles", lifecycles(params.lifecycles));
  add("waitlistReason", optionalText("waitlistReason", params.waitlistReason));
  add("sortBy", sortBy(params.sortBy));
  add("sortOrder", sortOrder(params.sortOrder));
  add("externalOrderId", optionalText("externalOrderId", params.externalOrderId));
  return query;
}

function optionalInteger(name: string, value: number | undefined, min: number): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}`);
  }
  return String(value);
}

/** An empty filter value would widen (or empty) the result silently; refuse it instead. */
function optionalText(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") throw new RangeError(`${name} must be a non-empty string`);
  return value;
}

function organizationIds(values: readonly number[] | undefined): string | undefined {
  if (values === undefined) return undefined;
  if (values.length === 0) throw new RangeError("organizationIds must not be empty; omit it instead");
  for (const value of values) optionalInteger("organizationIds[]", value, 0);
  return `[${values.join(",")}]`;
}

function lifecycles(values: readonly string[] | undefined): string | undefined {
  if (values === undefined) return undefined;
  if (values.length === 0) throw new RangeError("lifecycles must not be empty; omit it instead");
  for (const value of values) {
    optionalText("lifecycles[]", value);
    if (value.includes(",")) throw new RangeError("lifecycles[] must not contain a comma");
  }
  return values.join(",");
}

function sortBy(value: SortField | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!Object.hasOwn(SORT_FIELDS, value))
    throw new RangeError(`sortBy must be one of ${Object.keys(SORT_FIELDS)}`);
  return SORT_FIELDS[value];
}

function sortOrder(value: SortOrder | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value !== "asc" && value !== "desc") throw new RangeError("sortOrder must be asc or desc");
  return value;
}
