import { describe, expect, it } from "vitest";
import { createPagingKnowledge, shortAnswerKey } from "./paging";

describe("paging knowledge", () => {
  it("knows nothing at first: every short answer could be a cap", () => {
    const paging = createPagingKnowledge({ now: () => 0 });
    expect(paging.judge(3, 21)).toBe("unsure");
    expect(paging.judge(21, 21)).toBe("full");
  });

  it("an answer shorter than one the API already gave is the end", () => {
    const paging = createPagingKnowledge({ now: () => 0 });
    paging.judge(10, 21);
    expect(paging.judge(9, 21)).toBe("end");
    expect(paging.judge(10, 21)).toBe("unsure");
  });

  it("once a cap is seen, an answer of that size is capped and a smaller one the end", () => {
    const paging = createPagingKnowledge({ now: () => 0 });
    paging.capSeen(8);
    expect(paging.judge(8, 21)).toBe("capped");
    expect(paging.judge(7, 21)).toBe("end");
    // An answer above it shows it was no cap after all.
    expect(paging.judge(12, 21)).toBe("unsure");
    expect(paging.judge(8, 21)).toBe("end");
  });

  it("trusts the largest answer for ten minutes after it was last seen, then asks again", () => {
    let now = 0;
    const paging = createPagingKnowledge({ now: () => now });
    paging.judge(21, 21);
    now += 9 * 60_000;
    paging.judge(21, 21); // seen again: fresh again
    now += 9 * 60_000;
    expect(paging.judge(8, 21)).toBe("end");
    now += 2 * 60_000;
    // An API that started capping at 8 since: 8 could be that cap now.
    expect(paging.judge(8, 21)).toBe("unsure");
  });

  it("trusts a cap for ten minutes, then asks again (an API can lower its cap)", () => {
    let now = 0;
    const paging = createPagingKnowledge({ now: () => now });
    paging.capSeen(8);
    now += 10 * 60_000;
    expect(paging.judge(5, 21)).toBe("end");
    now += 1;
    // The cap and the largest answer (8, from the cap) are both forgotten: 5 may be a new, lower cap.
    expect(paging.judge(5, 21)).toBe("unsure");
    paging.capSeen(5);
    expect(paging.judge(5, 21)).toBe("capped");
    expect(paging.judge(4, 21)).toBe("end");
  });

  it("forgets the oldest complete answers beyond its bound", () => {
    const paging = createPagingKnowledge({ now: () => 0, maxRemembered: 2 });
    const keys = ["a", "b", "c"].map((id) => shortAnswerKey("usr_a", { offset: 0, limit: 21 }, 1, [id]));
    for (const key of keys) paging.completeSeen(key);
    expect(keys.map((key) => paging.knownComplete(key))).toEqual([false, true, true]);
  });

  it("keys hold no ids and differ by customer, range and records", () => {
    const key = shortAnswerKey("usr_alice", { offset: 0, limit: 21 }, 2, ["chk_1", "chk_2"]);
    expect(key).not.toContain("alice");
    expect(key).not.toContain("chk_");
    expect(
      new Set([
        key,
        shortAnswerKey("usr_bob", { offset: 0, limit: 21 }, 2, ["chk_1", "chk_2"]),
        shortAnswerKey("usr_alice", { offset: 20, limit: 21 }, 2, ["chk_1", "chk_2"]),
        shortAnswerKey("usr_alice", { offset: 0, limit: 21 }, 2, ["chk_2", "chk_1"]),
      ]).size,
    ).toBe(4);
  });
});
