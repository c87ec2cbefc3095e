import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults } from "axe-core";

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what the portal promises. */
export const WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** The WCAG A/AA rules whose verdict depends on colours: contrast, and links told apart by colour. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

export type ColorScheme = "light" | "dark";

/*
 * axe-core itself, injected once per page load. The @axe-core/playwright wrapper re-injects the 500 KB
 * engine on every analyze() and, outside legacy mode, opens a fresh page for each run; auditing ~40
 * pages in two colour schemes that way cost minutes of the CI budget (and it declares Node 22). Same
 * engine, same rules, a third of the time.
 */
let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/**
 * axe's findings for the page as it is now, in each colour scheme (switched in place, no reload),
 * one readable line per violated rule: empty when the page passes.
 */
export async function axeViolations(
  page: Page,
  schemes: readonly ColorScheme[] = ["light", "dark"],
): Promise<string[]> {
  // Evaluated through the debugging protocol, so the page's script CSP does not apply to it.
  await page.evaluate(axeScript());
  const found: string[] = [];
  for (const [index, colorScheme] of schemes.entries()) {
    await page.emulateMedia({ colorScheme });
    // Every rule in the first scheme; in the others only the rules a colour can break, since the
    // dark scheme changes colours and nothing else (lib/theme/palette.ts and the CSS modules).
    const runOnly =
      index === 0 ? { type: "tag", values: WCAG_AA_TAGS } : { type: "rule", values: COLOUR_RULES };
    const violations = await page.evaluate(async (only) => {
      const { axe } = window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } };
      const results = await axe.run(document, {
        runOnly: only,
        resultTypes: ["violations"],
      });
      return results.violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
      }));
    }, runOnly);
    for (const violation of violations) {
      found.push(
        `${page.url()} [${colorScheme}] ${violation.id}: ${violation.help} — ${violation.targets.join(", ")}`,
      );
    }
  }
  return found;
}
