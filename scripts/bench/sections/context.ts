import type { Report } from "../report";
import type { Stack } from "../stack";

/** What every section of the bench works with: the running stack, a signed-in customer, the report. */
export type BenchContext = {
  stack: Stack;
  /** `Cookie` header value of the signed-in customer. */
  cookie: string;
  report: Report;
};
