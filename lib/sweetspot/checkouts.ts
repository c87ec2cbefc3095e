import "server-only";
import { env } from "@/lib/env";
import { createTelemetryUserHasher } from "@/lib/telemetry/user-hash";
import { type CircuitBreaker, guardedByBreaker } from "./breaker";
import { upstreamBreaker } from "./breakers";
import type { CallPriority } from "./budget";
import { upstreamBudget } from "./budgets";
import { coalesced } from "./coalesce";
import { createDeadline, DEFAULT_DEADLINE_MS, type Deadline } from "./deadline";
import { CheckoutNotFoundError, CheckoutUnreadableError } from "./errors";
import { createHttpClient, type HttpClientOptions } from "./http";
import { isCheckoutId, isUserId } from "./ids";
import { jsonLineRecordLogger, type RecordLogger, upstreamLoggerFor } from "./log";
import { createPagingKnowledge, shortAnswerKey } from "./paging";
import { buildCheckoutsQuery, type ListCheckoutsParams } from "./query";
import {
  type CheckoutDetailRecord,
  type CheckoutRecord,
  parseCheckoutDetail,
  parseCheckoutList,
  type SkippedRecord,
} from "./schemas";

/**
 * Checkout reads for one customer. Every exported read takes the session's `usr_` id, sends it as the
 * API's `userId` filter, and re-checks every record that comes back: a record is shown only when its
 * `customerId` IS that id. A null or missing `customerId` is left out, not confirmed through the
 * detail endpoint (docs/api-assumptions.md, "Ownership"). The organisation-wide endpoints stay inside
 * this module.
 */

export type SweetspotClientOptions = HttpClientOptions & {
  /** Where skipped records are reported (index and field only). */
  recordLogger?: RecordLogger;
  /** In front of every request (the process's one for the API); none when absent. */
  breaker?: CircuitBreaker;
};

type CallOptions = {
  signal?: AbortSignal;
  /** Shared by every request of one page read; each exported read starts one of `deadlineMs` when absent. */
  deadline?: Deadline;
  /** A customer's page view (default) or a live page's poll: what the upstream budget serves first. */
  priority?: CallPriority;
};

type CustomerCheckoutsQuery = {
  offset: number;
  /** Page size, 1…MAX_PAGE_SIZE. */
  limit: number;
  lifecycles?: readonly string[];
};

type CustomerCheckoutPage = {
  checkouts: CheckoutRecord[];
  hasMore: boolean;
  /** Records in this page's range that could not be shown safely (unreadable, or not this customer's). */
  skipped: number;
};

type CheckoutWithDetail = {
  checkout: CheckoutRecord;
  /** Null when the detail endpoint failed, disagreed, or belongs to someone else: the list item is authoritative. */
  detail: CheckoutDetailRecord | null;
};

type SweetspotClient = {
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
  /** One cheap request that proves the URL and key work; returns no data. */
};

const MAX_PAGE_SIZE = 100;
/**
 * An API that caps `limit` below what we ask answers short; we then ask again from where it stopped.
 * Bounded so that an API answering one record at a time cannot make one page cost dozens of calls.
 */
export const MAX_REQUESTS_PER_PAGE = 4;
const LIST_PATH = "/v1/checkouts";
const DETAIL_PATH = "/v1/checkouts/{id}";

export function createSweetspotClient(options: SweetspotClientOptions): SweetspotClient {
  // Identical in-flight reads share one call, which the breaker lets through or fails at once.
  const transport = createHttpClient(options);
  const http = coalesced(options.breaker ? guardedByBreaker(transport, options.breaker) : transport, {
    deadlineMs: options.deadlineMs,
    monotonicNow: options.monotonicNow,
  });
  const recordLogger = options.recordLogger ?? jsonLineRecordLogger;
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  /** What the API has shown about capping `limit` (process-wide: a fact about the API, not a customer). */
  const paging = createPagingKnowledge({ now: monotonicNow });
  /** One page read, one deadline: retries and follow-up requests all fit inside it. */
  const withDeadline = (call: CallOptions): CallOptions => ({
    ...call,
    deadline: call.deadline ?? createDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, monotonicNow),
  });

  /**
   * One list request, as the API ordered it: each place holds the record when it is readable and this
   * customer's, else null (and a skip names its index and field; the caller logs the skips it keeps).
   * The number of places is how far the API got, whatever `limit` said.
   */
  async function readOwnedList(userId: string, params: ListCheckoutsParams, call: CallOptions) {
    const response = await http.requestJson({
      path: LIST_PATH,
      query: buildCheckoutsQuery({ ...params, userId }),
      signal: call.signal,
      deadline: call.deadline,
      priority: call.priority,
      userId,
    });
    const { records, skipped } = parseCheckoutList(response.value, response.text, LIST_PATH);
    const received = (response.value as unknown[]).length; // an array: parseCheckoutList checked
    const unreadable = new Set(skipped.map((skip) => skip.index));
    const places: (CheckoutRecord | null)[] = [];
    let next = 0;
    for (let index = 0; index < received; index++) {
      const record = unreadable.has(index) ? null : (records[next++] ?? null);
      if (record && record.customerId !== userId) skipped.push({ index, field: "customerId" });
      places.push(record?.customerId === userId ? record : null);
    }
    return { places, skipped, text: response.text, ids: records.map((record) => record.id) };
  }

  function logSkip(skip: SkippedRecord) {
    try {
      recordLogger({ event: "upstream_record_skipped", path: LIST_PATH, ...skip });
    } catch {
      // Logging must never break a request.
    }
  }

  async function getCustomerCheckouts(
    userId: string,
    query: CustomerCheckoutsQuery,
    callOptions: CallOptions = {},
  ) {
    const call = withDeadline(callOptions);
    if (!isUserId(userId)) throw new RangeError("userId must be a usr_ id");
    if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE_SIZE) {
      throw new RangeError(`limit must be an integer in 1…${MAX_PAGE_SIZE}`);
    }
    // The API returns no total. Asking for one more than shown tells whether a next page exists, but the
    // API may cap `limit` (answer short) or ignore it (answer long): "more" is judged from what came back.
    // Whether it was the end or a cap is settled by a follow-up, once (lib/sweetspot/paging.ts).
    const wanted = query.limit + 1;
    const places: (CheckoutRecord | null)[] = [];
    const seenIds = new Set<string>();
    let previousText: string | undefined;
    /** A short answer that only the next request can tell from a cap. */
    let unsure: { received: number; key: string | undefined } | undefined;
    for (let request = 0; request < MAX_REQUESTS_PER_PAGE && places.length < wanted; request++) {
      const range = { offset: query.offset + places.length, limit: wanted - places.length };
      const batch = await readOwnedList(
        userId,
        { ...range, lifecycles: query.lifecycles, sortBy: "created_at", sortOrder: "desc" },
        call,
      );
      const received = batch.places.length;
      if (received === 0) {
        if (unsure?.key) paging.completeSeen(unsure.key);
        break;
      }
      // A follow-up that repeats what came before means the API ignores `offset`: nothing new, stop.
      if (batch.text === previousText || batch.ids.some((id) => seenIds.has(id))) break;
      if (unsure) paging.capSeen(unsure.received);
      unsure = undefined;
      previousText = batch.text;
      for (const id of batch.ids) seenIds.add(id);
      for (const skip of batch.skipped) logSkip(skip);
      places.push(...batch.places);
      const verdict = paging.judge(received, range.limit);
      if (verdict === "end") break;
      if (verdict === "unsure") {
        // Only a customer's whole list grows at its newest end; a filtered one may not (paging.ts).
        const key = query.lifecycles?.length ? undefined : shortAnswerKey(userId, range, received, batch.ids);
        if (key && paging.knownComplete(key)) break;
        unsure = { received, key };
      }
    }
    // The page is exactly the API's items offset … offset + limit − 1, so the next page starts right after.
    const page = places.slice(0, query.limit);
    const checkouts = page.filter((record): record is CheckoutRecord => record !== null);
    return { checkouts, hasMore: places.length > query.limit, skipped: page.length - checkouts.length };
  }

  /** The customer's record with this id, from the list endpoint filtered by both ids. */
  async function readOwnCheckout(userId: string, checkoutId: string, call: CallOptions) {
    // limit 2: room to notice, and skip, anything the filter should have excluded.
    const { places, skipped } = await readOwnedList(userId, { limit: 2, id: checkoutId }, call);
    for (const skip of skipped) logSkip(skip);
    const match = places.find((record) => record?.id === checkoutId);
    if (match) return match;
    // The filter returned something we could not read (not merely someone else's): say so, not "not found".
    const unreadable = skipped.some((skip) => skip.field !== "customerId");
    throw unreadable
      ? new CheckoutUnreadableError({ path: LIST_PATH })
      : new CheckoutNotFoundError({ path: LIST_PATH });
  }

  async function getCustomerCheckout(userId: string, checkoutId: string, call: CallOptions = {}) {
    if (!isUserId(userId) || !isCheckoutId(checkoutId)) throw new CheckoutNotFoundError({ path: LIST_PATH });
    return readOwnCheckout(userId, checkoutId, withDeadline(call));
  }

  /**
   * The detail endpoint is organisation-wide ("access is controlled by the organization"): reachable only
   * here, and only its answer for this customer counts — any other `customerId` is not found.
   */
  async function readOwnDetail(userId: string, checkoutId: string, call: CallOptions) {
    const response = await http.requestJson({
      path: DETAIL_PATH,
      pathParams: { id: checkoutId },
      notFoundIsCheckout: true,
      signal: call.signal,
      deadline: call.deadline,
      priority: call.priority,
      userId,
    });
    const detail = parseCheckoutDetail(response.value, response.text, DETAIL_PATH);
    if (detail.id !== checkoutId || detail.customerId !== userId) {
      throw new CheckoutNotFoundError({ path: DETAIL_PATH });
    }
    return detail;
  }

  async function getCustomerCheckoutWithDetail(
    userId: string,
    checkoutId: string,
    callOptions: CallOptions = {},
  ) {
    if (!isUserId(userId) || !isCheckoutId(checkoutId)) throw new CheckoutNotFoundError({ path: LIST_PATH });
    const call = withDeadline(callOptions);
    // Both requests start at once; if the scoped read fails, the detail is no longer wanted.
    const detailAbort = new AbortController();
    const detailSignal = call.signal
      ? AbortSignal.any([call.signal, detailAbort.signal])
      : detailAbort.signal;
    const [listed, detailed] = await Promise.allSettled([
      readOwnCheckout(userId, checkoutId, call).catch((error: unknown) => {
        detailAbort.abort();
        throw error;
      }),
      readOwnDetail(userId, checkoutId, { ...call, signal: detailSignal }),
    ]);
    if (listed.status === "rejected") throw listed.reason;
    // Any detail failure degrades to "no detail": the page still has everything the list carries.
    return { checkout: listed.value, detail: detailed.status === "fulfilled" ? detailed.value : null };
  }

  return { getCustomerCheckouts, getCustomerCheckout, getCustomerCheckoutWithDetail };
}

let defaultClient: SweetspotClient | undefined;

/** The process-wide client, configured from `env()` on first use (never at import time). */
function sweetspotClient(): SweetspotClient {
  if (!defaultClient) {
    const config = env();
    defaultClient = createSweetspotClient({
      baseUrl: config.sweetspotApiUrl,
      apiKey: config.sweetspotApiKey,
      authHeader: config.sweetspotAuthHeader,
      timeoutMs: config.sweetspotTimeoutMs,
      hashUserId: createTelemetryUserHasher(config.authSecret),
      deadlineMs: config.sweetspotDeadlineMs,
      breaker: upstreamBreaker(),
      logger: upstreamLoggerFor(config.logLevel),
      budget: upstreamBudget(),
    });
  }
  return defaultClient;
}

export const getCustomerCheckouts: SweetspotClient["getCustomerCheckouts"] = (...args) =>
  sweetspotClient().getCustomerCheckouts(...args);

export const getCustomerCheckout: SweetspotClient["getCustomerCheckout"] = (...args) =>
  sweetspotClient().getCustomerCheckout(...args);

export const getCustomerCheckoutWithDetail: SweetspotClient["getCustomerCheckoutWithDetail"] = (...args) =>
  sweetspotClient().getCustomerCheckoutWithDetail(...args);
