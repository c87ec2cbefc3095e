import { describe, expect, it } from "vitest";
import { type UpstreamLogEntry, type UpstreamOutcome, upstreamLoggerFor } from "./log";

function entry(outcome: UpstreamOutcome): UpstreamLogEntry {
  return {
    event: "upstream_request",
    method: "GET",
    path: "/v1/checkouts",
    query: ["userId"],
    status: outcome === "ok" ? 200 : 503,
    durationMs: 12,
    attempt: 1,
    requestId: "req-1",
    outcome,
  };
}

describe("upstreamLoggerFor", () => {
  const outcomes: UpstreamOutcome[] = ["ok", "retry", "error"];

  it("passes every attempt on at info", () => {
    const written: UpstreamOutcome[] = [];
    const log = upstreamLoggerFor("info", (line) => written.push(line.outcome));
    for (const outcome of outcomes) log(entry(outcome));
    expect(written).toEqual(["ok", "retry", "error"]);
  });

  it("keeps only retries and failures at warn", () => {
    const written: UpstreamOutcome[] = [];
    const log = upstreamLoggerFor("warn", (line) => written.push(line.outcome));
    for (const outcome of outcomes) log(entry(outcome));
    expect(written).toEqual(["retry", "error"]);
  });
});
