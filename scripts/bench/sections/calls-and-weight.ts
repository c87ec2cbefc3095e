import { DEMO_CUSTOMERS } from "../../../sandbox/scenarios";
import { pageWeight } from "../assets";
import { emailLinkFirstVisit } from "../email-link";
import { FINISHED_CHECKOUT, LIVE_CHECKOUT } from "../pages";
import { sandboxControl } from "../sandbox-control";
import { formatTable } from "../table";
import { detailParallelism, upstreamCallsPerView } from "../upstream";
import type { BenchContext } from "./context";

/** API calls per page view (and whether the detail page's overlap), then what each page downloads. */
export async function measureCallsAndWeight({ stack, cookie, report }: BenchContext): Promise<void> {
  const { portalUrl } = stack;
  const sandbox = sandboxControl(stack.sandboxUrl);
  const detailPath = `/checkouts/${LIVE_CHECKOUT}`;

  await stack.server.waitUntilIdle();
  const listCalls = await upstreamCallsPerView(portalUrl, cookie, sandbox, "/checkouts");
  const detailCalls = await upstreamCallsPerView(portalUrl, cookie, sandbox, detailPath);
  const parallel = await detailParallelism(portalUrl, cookie, sandbox, detailPath);
  // The bench's signed-in customer, arriving without a cookie from an email about one checkout.
  const emailLink = await emailLinkFirstVisit({
    portalUrl,
    linkSecret: stack.linkSecret,
    userId: DEMO_CUSTOMERS.alex.id,
    checkoutId: LIVE_CHECKOUT,
    sandbox,
  });
  report.record("upstream", {
    list: listCalls,
    detail: detailCalls,
    detailParallelism: parallel,
    firstVisitFromEmailLink: emailLink,
  });
  const documents = emailLink.browser?.documents;
  report.section(
    "Upstream calls per page view",
    `${formatTable([
      ["page", "status", "API calls", "paths"],
      ["list", listCalls.status, listCalls.calls, listCalls.called.join(" ")],
      ["detail", detailCalls.status, detailCalls.calls, detailCalls.called.join(" ")],
      [
        "first visit from an email link",
        `${emailLink.linkStatus} → ${emailLink.pageStatus}`,
        emailLink.calls,
        `${emailLink.called.join(" ")} (${emailLink.linkCalls} while answering the link)`,
      ],
    ])}\ndetail calls with ${parallel.latencyMs} ms API latency arrived at most ${parallel.maxSpreadMs} ms apart: ${
      parallel.parallel ? "in parallel" : "one after another"
    }\nemail link in a fresh browser: ${
      emailLink.browser
        ? `${emailLink.browser.documents.length} document requests (${emailLink.browser.documents.join(", ")}), ${emailLink.browser.refreshes} server re-renders asked for by the page`
        : "not measured (no chromium)"
    }`,
  );
  report.target("list: upstream calls per view", "1", String(listCalls.calls), listCalls.calls === 1);
  const order = (calls: number) => (calls > 1 ? (parallel.parallel ? ", parallel" : ", sequential") : "");
  report.target(
    "detail: upstream calls per view",
    "≤ 2, in parallel",
    `${detailCalls.calls}${order(detailCalls.calls)}`,
    detailCalls.calls <= 2 && (detailCalls.calls < 2 || parallel.parallel),
  );
  // The link lands on the detail page, so its calls overlap as the detail page's do (measured above).
  const linkOk = emailLink.linkStatus === 303 && emailLink.pageStatus === 200;
  report.target(
    "first visit from an email link: upstream calls",
    "≤ 2, in parallel",
    `${emailLink.calls}${order(emailLink.calls)}${linkOk ? "" : ` (answers ${emailLink.linkStatus} → ${emailLink.pageStatus})`}`,
    linkOk && emailLink.calls <= 2 && (emailLink.calls < 2 || parallel.parallel),
  );
  // A render is a document the server renders plus any re-render the page asks for afterwards.
  const renders = emailLink.browser
    ? emailLink.browser.documents.length - 1 + emailLink.browser.refreshes
    : null;
  report.target(
    "first visit from an email link: page renders",
    "1 (link answer + one page request)",
    documents
      ? `${renders} (${documents.length} documents, ${emailLink.browser?.refreshes} re-renders)`
      : "n/a (no chromium)",
    renders === null ? null : renders === 1,
  );

  // Against a bare page of the same build: the 404 page is the layout and nothing else.
  const weights = [
    await pageWeight(portalUrl, cookie, "bare (404 page)", "/bench/no-such-page"),
    await pageWeight(portalUrl, cookie, "list", "/checkouts"),
    await pageWeight(portalUrl, cookie, "detail, live", detailPath),
    await pageWeight(portalUrl, cookie, "detail, finished", `/checkouts/${FINISHED_CHECKOUT}`),
  ];
  report.record("pageWeight", weights);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const bare = weights[0]?.jsGzipBytes ?? 0;
  const bareInBrowser = weights[0]?.browserJsGzipBytes ?? 0;
  const inBrowser = (weight: (typeof weights)[number]) =>
    weight.browserJsGzipBytes === null ? "n/a" : kb(weight.browserJsGzipBytes - bareInBrowser);
  report.section(
    "Page weight (gzip)",
    formatTable([
      [
        "page",
        "status",
        "HTML KB",
        "scripts",
        "JS KB",
        "JS over bare KB",
        "browser: scripts",
        "browser: JS over bare KB",
      ],
      ...weights.map((weight) => [
        weight.label,
        weight.status,
        kb(weight.htmlGzipBytes),
        weight.scripts,
        kb(weight.jsGzipBytes),
        kb(weight.jsGzipBytes - bare),
        weight.browserScripts ?? "n/a",
        inBrowser(weight),
      ]),
    ]),
  );
  for (const weight of weights.filter((entry) => entry.label.startsWith("detail"))) {
    // What the browser loaded when known: a chunk fetched during hydration counts too.
    const extra =
      weight.browserJsGzipBytes === null
        ? weight.jsGzipBytes - bare
        : Math.max(weight.jsGzipBytes - bare, weight.browserJsGzipBytes - bareInBrowser);
    report.target(
      `${weight.label}: JS over a bare page`,
      "≤ 5 KB gzip (issue 17)",
      `${kb(extra)} KB`,
      extra <= 5 * 1024,
    );
  }
}
