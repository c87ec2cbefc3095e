import "server-only";
import { env } from "@/lib/env";
import { CheckoutNotFoundError, UpstreamInvalidResponseError } from "./errors";
import { createHttpClient, type HttpClientOptions } from "./http";
import { isCheckoutId, isUserId } from "./ids";
import { buildCheckoutsQuery, type ListCheckoutsParams } from "./query";
import {
  type CheckoutDetailRecord,
  type CheckoutRecord,
  parseCheckoutDetail,
  parseCheckoutList,
} from "./schemas";

/**
 * Checkout reads. `listCheckouts`/`getCheckout` are the raw endpoints (organization-wide: the API does not
 * scope them to a customer). Customer-facing code uses the `getCustomer…` functions, which always filter by
 * the customer's `usr_` id and re-check ownership on what comes back.
 */

export type SweetspotClientOptions = HttpClientOptions;

export type CallOptions = { signal?: AbortSignal };

export type CustomerCheckoutsQuery = {
  offset: number;
  /** Page size, 1…MAX_PAGE_SIZE. */
  limit: number;
  lifecycles?: readonly string[];
};

export type CustomerCheckoutPage = { checkouts: CheckoutRecord[]; hasMore: boolean };

export type CheckoutWithDetail = {
  checkout: CheckoutRecord;
  /** Null when the detail endpoint failed, disagreed, or belongs to someone else: the list item is authoritative. */
  detail: CheckoutDetailRecord | null;
};

export type SweetspotClient = {
  listCheckouts(params?: ListCheckoutsParams, options?: CallOptions): Promise<CheckoutRecord[]>;
  getCheckout(id: string, options?: CallOptions): Promise<CheckoutDetailRecord>;
  getCustomerCheckouts(
    userId: string,
    query: CustomerCheckoutsQuery,
    options?: CallOptions,
  ): Promise<CustomerCheckoutPage>;
  getCustomerCheckout(userId: string, checkoutId: string, options?: CallOptions): Promise<CheckoutRecord>;
  getCustomerCheckoutWithDetail(
    userId: string,
    checkoutId: string,
    options?: CallOptions,
  ): Promise<CheckoutWithDetail>;
};

export const MAX_PAGE_SIZE = 100;
const LIST_PATH = "/v1/checkouts";
const DETAIL_PATH = "/v1/checkouts/{id}";

export function createSweetspotClient(options: SweetspotClientOptions): SweetspotClient {
  const http = createHttpClient(options);

  async function listCheckouts(params: ListCheckoutsParams = {}, call: CallOptions = {}) {
    const query = buildCheckoutsQuery(params);
    const body = await http.requestJson({ path: LIST_PATH, query, signal: call.signal });
    return parseCheckoutList(body, LIST_PATH);
  }

  async function getCheckout(id: string, call: CallOptions = {}) {
    if (!isCheckoutId(id)) throw new CheckoutNotFoundError({ path: DETAIL_PATH });
    const body = await http.requestJson({
      path: DETAIL_PATH,
      pathParams: { id },
      notFoundIsCheckout: true,
      signal: call.signal,
    });
    return parseCheckoutDetail(body, DETAIL_PATH);
  }

  async function getCustomerCheckouts(userId: string, query: CustomerCheckoutsQuery, call: CallOptions = {}) {
    if (!isUserId(userId)) throw new RangeError("userId must be a usr_ id");
    if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE_SIZE) {
      throw new RangeError(`limit must be an integer in 1…${MAX_PAGE_SIZE}`);
    }
    const items = await listCheckouts(
      {
        offset: query.offset,
        // One more than shown tells whether a next page exists; the API returns no total.
        limit: query.limit + 1,
        userId,
        lifecycles: query.lifecycles,
        sortBy: "created_at",
        sortOrder: "desc",
      },
      call,
    );
    // The filter is the API's; if it ever stops applying it, fail loudly rather than show others' orders.
    if (items.some((item) => item.customerId !== null && item.customerId !== userId)) {
      throw new UpstreamInvalidResponseError(
        "Sweet Spot API ignored the userId filter for GET /v1/checkouts",
        {
          path: LIST_PATH,
        },
      );
    }
    return { checkouts: items.slice(0, query.limit), hasMore: items.length > query.limit };
  }

  async function getCustomerCheckout(userId: string, checkoutId: string, call: CallOptions = {}) {
    if (!isUserId(userId) || !isCheckoutId(checkoutId)) throw new CheckoutNotFoundError({ path: LIST_PATH });
    // limit 2: room to notice, and skip, anything the filter should have excluded.
    const items = await listCheckouts({ limit: 2, userId, id: checkoutId }, call);
    const match = items.find(
      (item) => item.id === checkoutId && (item.customerId === null || item.customerId === userId),
    );
    if (!match) throw new CheckoutNotFoundError({ path: LIST_PATH });
    return match;
  }

  async function getCustomerCheckoutWithDetail(userId: string, checkoutId: string, call: CallOptions = {}) {
    if (!isUserId(userId) || !isCheckoutId(checkoutId)) throw new CheckoutNotFoundError({ path: LIST_PATH });
    // Both requests start at once; if the scoped read fails, the detail is no longer wanted.
    const detailAbort = new AbortController();
    const detailSignal = call.signal
      ? AbortSignal.any([call.signal, detailAbort.signal])
      : detailAbort.signal;
    const [listed, detailed] = await Promise.allSettled([
      getCustomerCheckout(userId, checkoutId, call).catch((error: unknown) => {
        detailAbort.abort();
        throw error;
      }),
      getCheckout(checkoutId, { signal: detailSignal }),
    ]);
    if (listed.status === "rejected") throw listed.reason;
    // Any detail failure degrades to "no detail": the page still has everything the list carries.
    const detail =
      detailed.status === "fulfilled" &&
      detailed.value.id === checkoutId &&
      detailed.value.customerId === userId
        ? detailed.value
        : null;
    return { checkout: listed.value, detail };
  }

  return {
    listCheckouts,
    getCheckout,
    getCustomerCheckouts,
    getCustomerCheckout,
    getCustomerCheckoutWithDetail,
  };
}

let defaultClient: SweetspotClient | undefined;

/** The process-wide client, configured from `env()` on first use (never at import time). */
export function sweetspotClient(): SweetspotClient {
  if (!defaultClient) {
    const config = env();
    defaultClient = createSweetspotClient({
      baseUrl: config.sweetspotApiUrl,
      apiKey: config.sweetspotApiKey,
      authHeader: config.sweetspotAuthHeader,
      timeoutMs: config.sweetspotTimeoutMs,
    });
  }
  return defaultClient;
}

export function listCheckouts(
  params?: ListCheckoutsParams,
  options?: CallOptions,
): Promise<CheckoutRecord[]> {
  return sweetspotClient().listCheckouts(params, options);
}

export function getCheckout(id: string, options?: CallOptions): Promise<CheckoutDetailRecord> {
  return sweetspotClient().getCheckout(id, options);
}

export function getCustomerCheckouts(
  userId: string,
  query: CustomerCheckoutsQuery,
  options?: CallOptions,
): Promise<CustomerCheckoutPage> {
  return sweetspotClient().getCustomerCheckouts(userId, query, options);
}

export function getCustomerCheckout(
  userId: string,
  checkoutId: string,
  options?: CallOptions,
): Promise<CheckoutRecord> {
  return sweetspotClient().getCustomerCheckout(userId, checkoutId, options);
}

export function getCustomerCheckoutWithDetail(
  userId: string,
  checkoutId: string,
  options?: CallOptions,
): Promise<CheckoutWithDetail> {
  return sweetspotClient().getCustomerCheckoutWithDetail(userId, checkoutId, options);
}
