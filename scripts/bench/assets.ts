import { gzipSync } from "node:zlib";

export type PageWeight = {
  label: string;
  path: string;
  status: number;
  htmlGzipBytes: number;
  scripts: number;
  /** Sum of each `<script src>` chunk the HTML loads, gzipped one by one as a server would send them. */
  jsGzipBytes: number;
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
  };
}
