import { portalIsListening } from "../../lib/processes";
import { type LoadResult, runLoad } from "../load";
import { isErrorPage, MEASURED_PAGES } from "../pages";
import { megabytes, treeRssBytes } from "../proc";
import { sandboxControl } from "../sandbox-control";
import { formatTable } from "../table";
import type { BenchContext } from "./context";

const FAILURE_RATE = 0.1;
const CONNECTIONS = 32;

/**
 * 32 connections for `seconds` while 10 % of API requests answer 503: the portal stays up, answers
 * only 200 or the error page, and its memory ends within 20 % of what the same load left without
 * faults.
 */
export async function measureFaultLoad(
  { stack, cookie, report }: BenchContext,
  seconds: number,
): Promise<void> {
  const sandbox = sandboxControl(stack.sandboxUrl);
  const { server } = stack;
  const mix = (onResponse?: (status: number, body: string) => void) =>
    MEASURED_PAGES.map((page) => ({
      method: "GET",
      path: page.portal,
      ...(onResponse ? { onResponse } : {}),
    }));
  // "Before" is measured after the same load without faults, the same way as "after": both then
  // compare a warmed-up server with itself.
  const settledRss = async () => {
    await server.waitUntilIdle();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return treeRssBytes(server.pid) ?? 0;
  };
  const load = (extra: { seconds: number; onResponse?: (status: number, body: string) => void }) =>
    runLoad({
      url: stack.portalUrl,
      connections: CONNECTIONS,
      seconds: extra.seconds,
      cookie,
      server,
      // The bodies are read to tell the error page from anything else.
      gzip: false,
      requests: mix(extra.onResponse),
    });

  await load({ seconds: seconds / 4 });
  const rssBefore = await settledRss();

  const answers = { ok: 0, errorPage: 0, unexpected: 0 };
  const unexpectedSamples: string[] = [];
  const classify = (status: number, body: string) => {
    if (status === 200) answers.ok++;
    else if (isErrorPage(status, body)) answers.errorPage++;
    else {
      answers.unexpected++;
      if (unexpectedSamples.length < 5) unexpectedSamples.push(`${status} ${body.slice(0, 80)}`);
    }
  };
  await sandbox.addFault({ status: 503, rate: FAILURE_RATE });
  let faulty: LoadResult;
  try {
    faulty = await load({ seconds, onResponse: classify });
  } finally {
    await sandbox.clearFaults();
  }
  const rssAfter = await settledRss();

  const health = await fetch(`${stack.portalUrl}/api/health`).then(
    (response) => response.status,
    () => null,
  );
  // Up means answering: health may still report the API's faults (503) from its few-second-old probe.
  const alive = stack.portal.child.exitCode === null && health !== null && portalIsListening(health);
  const noAnswer = (faulty.statuses.error ?? 0) + (faulty.statuses.timeout ?? 0);
  const growth = rssBefore > 0 ? rssAfter / rssBefore - 1 : 0;
  report.record("faultLoad", {
    seconds,
    connections: CONNECTIONS,
    failureRate: FAILURE_RATE,
    load: faulty,
    answers,
    unexpectedSamples,
    rssBeforeMb: megabytes(rssBefore),
    rssAfterMb: megabytes(rssAfter),
    alive,
  });
  report.section(
    `Faults: ${seconds} s at ${CONNECTIONS} connections, ${FAILURE_RATE * 100} % of API requests answer 503`,
    `${formatTable([
      [
        "req/s",
        "200",
        "error page (5xx)",
        "anything else",
        "no answer",
        "RSS before MB",
        "RSS after MB",
        "portal up",
      ],
      [
        faulty.requestsPerSecond,
        answers.ok,
        answers.errorPage,
        answers.unexpected,
        noAnswer,
        megabytes(rssBefore),
        megabytes(rssAfter),
        alive ? "yes" : "NO",
      ],
    ])}${unexpectedSamples.length ? `\nunexpected: ${unexpectedSamples.join(" | ")}` : ""}`,
  );
  report.target("fault load: portal stays up", "up", alive ? "up" : "down", alive);
  report.target(
    "fault load: every answer 200 or the error page",
    "0 others",
    String(answers.unexpected + noAnswer),
    answers.unexpected + noAnswer === 0,
  );
  // Every measured page was loaded before (the warm-up), so its view is saved: an upstream failure
  // answers from last known good, never with the error page (issue 15).
  report.target(
    "fault load: no error page with last known good present",
    "0 error pages",
    String(answers.errorPage),
    answers.errorPage === 0,
  );
  report.target(
    "fault load: RSS after vs before",
    "within 20 %",
    `${Math.round(growth * 100)} %`,
    Math.abs(growth) <= 0.2,
  );
}
