import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright";

type PageWeight = {
  label: string;
  path: string;
  status: number;
  htmlGzipBytes: number;
  scripts: number;
  /** Sum of each `<script src>` chunk the HTML loads, gzipped one by one as a server would send them. */
  jsGzipBytes: number;
  /**
   * Every script a browser fetches for the page until the network is idle (chunks loaded during
   * hydration included, which `<script src>` does not show), gzipped one by one; null without chromium.
   */
  browserJsGzipBytes: number | null;
  browserScripts: number | null;
};

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g;

/** What a first visit to `path` downloads: its HTML and the JavaScript its script tags load. */
export async function pageWeight(
  portalUrl: string,
  cookie: string,
  label: string,
  path: string,
): Promise<PageWeight> {
  const response = await fetch(`${portalUrl}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = await response.text();
  const sources = [
    ...new Set([...html.matchAll(SCRIPT_SRC)].map((match) => (match[1] ?? "").replaceAll("&amp;", "&"))),
  ];
  let jsGzipBytes = 0;
  for (const source of sources) {
    const script = await fetch(new URL(source, portalUrl));
    if (!script.ok) throw new Error(`${source} answered ${script.status}`);
    jsGzipBytes += gzipSync(Buffer.from(await script.arrayBuffer())).length;
  }
  return {
    label,
    path,
    status: response.status,
    htmlGzipBytes: gzipSync(Buffer.from(html)).length,
    scripts: sources.length,
    jsGzipBytes,
    ...(await scriptsLoadedInBrowser(portalUrl, cookie, path)),
  };
}

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function scriptsLoadedInBrowser(
  portalUrl: string,
  cookie: string,
  path: string,
): Promise<Pick<PageWeight, "browserJsGzipBytes" | "browserScripts">> {
  if (!existsSync(CHROMIUM_PATH)) return { browserJsGzipBytes: null, browserScripts: null };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { Cookie: cookie } });
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    const seen = new Set<string>();
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script" || seen.has(response.url())) return;
      seen.add(response.url());
      bodies.push(response.body());
    });
    await page.goto(`${portalUrl}${path}`, { waitUntil: "networkidle" });
    const sizes = await Promise.all(bodies.map(async (body) => gzipSync(await body).length));
    return { browserJsGzipBytes: sizes.reduce((sum, size) => sum + size, 0), browserScripts: sizes.length };
  } finally {
    await browser.close();
  }
}
