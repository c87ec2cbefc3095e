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
