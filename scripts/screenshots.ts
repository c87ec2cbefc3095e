/**
 * `npm run screenshots`: the whole product on one page. Starts a sandbox and the production portal
 * (like the bench, on its own ports), signs each demo customer in through a minted link, and takes
 * every demo checkout and every demo customer's list at 390×844 and 1280×800 into screenshots/
 * (git-ignored), with an index.html contact sheet and each page's height in screens.
 *
 *   npm run screenshots [-- --portal-port 3460 --sandbox-port 4460]   (E2E_PORT_OFFSET is added)
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Browser, chromium } from "@playwright/test";
import { checkoutListPath, checkoutPath } from "../lib/urls/portal-urls";
import { DEMO_CUSTOMERS, SCENARIOS } from "../sandbox/scenarios";
import { signInThroughLink } from "./bench/session";
import { startStack } from "./bench/stack";
import { ensureProductionBuild } from "./lib/standalone";

const { values: flags } = parseArgs({
  options: {
    "portal-port": { type: "string", default: "3460" },
    "sandbox-port": { type: "string", default: "4460" },
  },
});
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const OUT = join(process.cwd(), "screenshots");
const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

type Shot = { name: string; userId: string; path: string; kind: "list" | "detail" };

/** The owner of each named scenario, by its id's prefix (sandbox/scenarios.ts). */
function ownerOf(id: string): string {
  if (id.startsWith("chk_blair")) return DEMO_CUSTOMERS.blair.id;
  if (id.startsWith("chk_hostile")) return DEMO_CUSTOMERS.hostile.id;
  return DEMO_CUSTOMERS.alex.id;
}

const SHOTS: Shot[] = [
  ...Object.entries(DEMO_CUSTOMERS).map(([name, customer]) => ({
    name: `list-${name}`,
    userId: customer.id,
    path: checkoutListPath(),
    kind: "list" as const,
  })),
  ...Object.entries(SCENARIOS).map(([name, id]) => ({
    name: `detail-${name}`,
    userId: ownerOf(id),
    path: checkoutPath(id),
    kind: "detail" as const,
  })),
];

type Taken = Shot & { viewport: string; file: string; height: number; screens: number };

async function takeAll(browser: Browser, portalUrl: string, linkSecret: string): Promise<Taken[]> {
  const taken: Taken[] = [];
  const cookies = new Map<string, string>();
  for (const shot of SHOTS) {
    let cookie = cookies.get(shot.userId);
    if (cookie === undefined) {
      cookie = await signInThroughLink(portalUrl, linkSecret, shot.userId);
      cookies.set(shot.userId, cookie);
    }
    const [name = "", value = ""] = cookie.split(/=(.*)/s);
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
      await context.addCookies([{ name, value, url: portalUrl }]);
      const page = await context.newPage();
      await page.goto(`${portalUrl}${shot.path}`, { waitUntil: "networkidle" });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const file = `${shot.name}-${viewport.name}.png`;
      await page.screenshot({ path: join(OUT, file), fullPage: true });
      taken.push({
        ...shot,
        viewport: viewport.name,
        file,
        height,
        screens: Math.round((height / viewport.height) * 100) / 100,
      });
      await context.close();
    }
  }
  return taken;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char] ?? char,
  );

function contactSheet(taken: readonly Taken[], summary: string[]): string {
  const rows = SHOTS.map((shot) => {
    const cells = VIEWPORTS.map((viewport) => {
      const one = taken.find((t) => t.name === shot.name && t.viewport === viewport.name);
      if (!one) return "<td></td>";
      return `<td><a href="${one.file}"><img src="${one.file}" alt="${escapeHtml(shot.name)} at ${viewport.width} px" loading="lazy" width="${viewport.name === "phone" ? 195 : 320}"></a><br>${one.screens} screens</td>`;
    }).join("");
    return `<tr><th scope="row">${escapeHtml(shot.name)}<br><code>${escapeHtml(shot.path)}</code></th>${cells}</tr>`;
  }).join("\n");
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sweet Spot portal contact sheet</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.5rem;vertical-align:top;text-align:left}img{display:block;border:1px solid #eee}</style>
<h1>Contact sheet</h1><p>${summary.map(escape).join("<br>")}</p>
<table><tr><th>Page</th>${VIEWPORTS.map((v) => `<th>${v.width}×${v.height}</th>`).join("")}</tr>
${rows}</table></html>`;
}

function summarise(taken: readonly Taken[]): string[] {
  const phoneDetails = taken.filter((t) => t.kind === "detail" && t.viewport === "phone");
  const demoDetails = phoneDetails.filter((t) => !t.path.includes("chk_hostile"));
  const average = (list: readonly Taken[]) =>
    Math.round((list.reduce((sum, t) => sum + t.screens, 0) / Math.max(list.length, 1)) * 100) / 100;
  const alexList = taken.find((t) => t.name === "list-alex" && t.viewport === "phone");
  return [
    `Taken ${new Date().toISOString()}; heights in screens of 844 px (phone) or 800 px (desktop).`,
    `Detail pages at 390×844, average over ${demoDetails.length} demo checkouts: ${average(demoDetails)} screens (with the hostile ones, ${phoneDetails.length}: ${average(phoneDetails)}).`,
    `List of the 17-order customer (Alex) at 390×844: ${alexList?.screens ?? "?"} screens.`,
  ];
}

if (!ensureProductionBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, console.log)) process.exit(1);
const stack = await startStack({
  portalPort: Number(flags["portal-port"]) + offset,
  sandboxPort: Number(flags["sandbox-port"]) + offset,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const taken = await takeAll(browser, stack.portalUrl, stack.linkSecret);
  const summary = summarise(taken);
  writeFileSync(join(OUT, "index.html"), contactSheet(taken, summary));
  writeFileSync(join(OUT, "heights.json"), JSON.stringify(taken, null, 2));
  for (const line of summary) console.log(line);
  console.log(`${taken.length} screenshots and the contact sheet in ${join(OUT, "index.html")}`);
} finally {
  await browser.close();
  await stack.stop();
}
