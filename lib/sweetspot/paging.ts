import "server-only";
import { createHash } from "node:crypto";

/**
 * What the list API has shown about `limit`, so that a list read costs one request whenever one
 * answer can settle "is there more?".
 *
 * The API returns no total and may cap `limit` silently. An answer as long as we asked for settles it
 * (we ask for one more than we show). A shorter answer is either the end of the list or the API's
 * cap, and one answer alone cannot tell which. What can:
 * - a larger answer seen before (the cap, if any, is at least that): a shorter answer is the end;
 * - a cap seen before (a short answer that more records followed): an answer below it is the end,
 *   one of exactly that size is capped and is followed up;
 * - for a customer's whole list (no lifecycle filter), this same answer (customer, offset and the
 *   ids it held, in order) found complete by a follow-up a short while ago: the list has not grown
 *   since, because it is newest first and a new order would be the newest and change the answer.
 *   (With a filter an older order can join by changing lifecycle, so filtered lists are not trusted.)
 * Anything else is followed up once, and what the follow-up shows is remembered.
 *
 * Everything learned is trusted for a while (10 minutes) and then forgotten, to be learned again by
 * the next follow-up: the API can change under a running portal (a deploy that starts capping, or
 * caps lower), and a fact kept for the life of the process would then read every short answer as the
 * end of the list, hiding a customer's older orders until a restart. A fact seen again is fresh again.
 */

type AnswerVerdict =
  /** As long as asked: nothing more to learn from this answer. */
  | "full"
  /** Shorter than asked and certainly the end of the list. */
  | "end"
  /** Shorter than asked because the API caps `limit`: ask again from where it stopped. */
  | "capped"
  /** Shorter than asked, and nothing known tells end from cap: only a follow-up can. */
  | "unsure";

type PagingKnowledgeOptions = {
  /** Monotonic milliseconds. */
  now: () => number;
  /** How long anything learned (the largest answer, the cap, "this answer was the end") is trusted (default 10 minutes). */
  trustForMs?: number;
  /** At most this many such answers are remembered, the oldest forgotten first (default 10,000). */
  maxRemembered?: number;
};

type PagingKnowledge = {
  /** What an answer of `received` records to a request for `asked` says; updates what is known. */
  judge(received: number, asked: number): AnswerVerdict;
  /** A short answer of `received` records was followed by more: the API caps `limit` there. */
  capSeen(received: number): void;
  /** A follow-up found nothing after this short answer (see `shortAnswerKey`). */
  completeSeen(key: string): void;
  /** Whether a follow-up found nothing after this very answer recently. */
  knownComplete(key: string): boolean;
};

/** A number the API has shown, and when it last showed it. */
type Learned = { value: number; at: number };

const TRUST_FOR_MS = 10 * 60_000;
const MAX_REMEMBERED_ANSWERS = 10_000;

export function createPagingKnowledge(options: PagingKnowledgeOptions): PagingKnowledge {
  const trustForMs = options.trustForMs ?? TRUST_FOR_MS;
  const maxRemembered = options.maxRemembered ?? MAX_REMEMBERED_ANSWERS;
  const fresh = (fact: Learned | undefined): Learned | undefined =>
    fact && options.now() - fact.at <= trustForMs ? fact : undefined;
  /** The largest answer lately: the API honours any `limit` up to this. */
  let largest: Learned | undefined;
  /** The cap the API has lately shown, if it has. */
  let cap: Learned | undefined;
  /** Short answers found complete, by key, with when (insertion order is age order). */
  const complete = new Map<string, number>();

  function sawAnswer(received: number) {
    largest = fresh(largest);
    if (received >= (largest?.value ?? 0)) largest = { value: received, at: options.now() };
  }

  return {
    judge(received, asked) {
      sawAnswer(received);
      cap = fresh(cap);
      // More than the cap we thought we saw: it was not a cap (or it changed). Start over.
      if (cap !== undefined && received > cap.value) cap = undefined;
      if (received >= asked) return "full";
      if (cap !== undefined) return received >= cap.value ? "capped" : "end";
      return largest !== undefined && received < largest.value ? "end" : "unsure";
    },
    capSeen(received) {
      cap = { value: received, at: options.now() };
      sawAnswer(received);
    },
    completeSeen(key) {
      complete.delete(key);
      complete.set(key, options.now());
      while (complete.size > maxRemembered) {
        const oldest = complete.keys().next().value;
        if (oldest === undefined) break;
        complete.delete(oldest);
      }
    },
    knownComplete(key) {
      const at = complete.get(key);
      if (at === undefined) return false;
      if (options.now() - at <= trustForMs) return true;
      complete.delete(key);
      return false;
    },
  };
}

/**
 * Names one short answer: whose, which part of which list, and exactly which records in which order.
 * A digest, so what is kept in memory holds no customer or checkout id.
 */
export function shortAnswerKey(
  userId: string,
  request: { offset: number; limit: number },
  received: number,
  ids: readonly string[],
): string {
  const text = JSON.stringify([userId, request.offset, request.limit, received, ids]);
  return createHash("sha256").update(text).digest("base64url");
}
