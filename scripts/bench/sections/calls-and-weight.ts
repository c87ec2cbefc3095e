import { pageWeight } from "../assets";
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
  report.record("upstream", { list: listCalls, detail: detailCalls, detailParallelism: parallel });
  report.section(
    "Upstream calls per page view",
    `${formatTable([
      ["page", "status", "API calls", "paths"],
      ["list", listCalls.status, listCalls.calls, listCalls.called.join(" ")],
      ["detail", detailCalls.status, detailCalls.calls, detailCalls.called.join(" ")],
    ])}\ndetail calls with ${parallel.latencyMs} ms API latency arrived at most ${parallel.maxSpreadMs} ms apart: ${
      parallel.parallel ? "in parallel" : "one after another"
    }`,
  );
  report.target("list: upstream calls per view", "1", String(listCalls.calls), listCalls.calls === 1);
  const order = detailCalls.calls > 1 ? (parallel.parallel ? ", parallel" : ", sequential") : "";
  report.target(
    "detail: upstream calls per view",
    "≤ 2, in parallel",
    `${detailCalls.calls}${order}`,
    detailCalls.calls <= 2 && (detailCalls.calls < 2 || parallel.parallel),
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
