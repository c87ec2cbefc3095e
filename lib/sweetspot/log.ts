/**
 * One structured line per upstream attempt. Parameter NAMES only (their values are customer data), the path
 * as a template (no ids), never the key, never a response body.
 */

export type UpstreamOutcome = "ok" | "retry" | "error";

/** Why an attempt produced no usable response; absent when the status says it all. */
export type UpstreamFailure = "timeout" | "network" | "aborted" | "invalid_body";

export type UpstreamLogEntry = {
  event: "upstream_request";
  method: string;
  path: string;
  query: string[];
  status: number | null;
  durationMs: number;
  attempt: number;
  requestId: string;
  outcome: UpstreamOutcome;
  failure?: UpstreamFailure;
};

export type UpstreamLogger = (entry: UpstreamLogEntry) => void;

/** Default sink: a JSON line on stdout, where the platform's log collector picks it up. */
export const jsonLineLogger: UpstreamLogger = (entry) => {
  console.log(JSON.stringify(entry));
};

/**
 * The sink for LOG_LEVEL: `info` logs every attempt; `warn` only those that were retried or failed,
 * which is what someone watching a terminal needs (sandbox mode's default).
 */
export function upstreamLoggerFor(
  level: "info" | "warn",
  sink: UpstreamLogger = jsonLineLogger,
): UpstreamLogger {
  return level === "info" ? sink : (entry) => entry.outcome !== "ok" && sink(entry);
}

/** One line per list record left out: where it was and which field failed — never its content. */
export type RecordSkippedEntry = {
  event: "upstream_record_skipped";
  path: string;
  index: number;
  field: string;
};

export type RecordLogger = (entry: RecordSkippedEntry) => void;

export const jsonLineRecordLogger: RecordLogger = (entry) => {
  console.log(JSON.stringify(entry));
};
