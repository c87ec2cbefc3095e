import { existsSync } from "node:fs";
import { chromium } from "playwright";
import { mintLinkToken } from "../../lib/auth/link-token";
import { absoluteUrl, emailLinkPath } from "../../lib/urls/portal-urls";
import type { SandboxControl } from "./sandbox-control";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type EmailLinkVisit = {
  /** Status of the link's answer (303 expected) and of the page it leads to. */
  linkStatus: number;
  pageStatus: number;
  /** Where the link sent the customer. */
  location: string | null;
  /** API calls for the whole flow (link answer and page), from the sandbox's request log. */
  calls: number;
  called: string[];
  /** Of those, the calls made while answering the link (before the page was asked for). */
  linkCalls: number;
  /** What a fresh browser requested for the same flow; null without chromium. */
  browser: BrowserRenders | null;
};

type BrowserRenders = {
  /** Document requests (link, then the page): a reload or a second redirect would show here. */
  documents: string[];
  /** Server re-renders asked for by the page itself (RSC requests that are not link prefetches). */
  refreshes: number;
};

type FlowOptions = {
  portalUrl: string;
  linkSecret: string;
  userId: string;
  checkoutId: string;
  sandbox: SandboxControl;
};

/** A fresh link per visit: a link token may be spent by its first use. */
function freshLink({ portalUrl, linkSecret, userId, checkoutId }: FlowOptions): Promise<string> {
  return mintLinkToken({ userId, checkoutId, ttlSeconds: 3600, secret: linkSecret }).then((token) =>
    absoluteUrl(portalUrl, emailLinkPath(token)),
  );
}

/**
 * A customer with no cookie opens an email link for one checkout: the link's answer, then the page
 * it redirects to, with the session cookie the answer set. Counts the API calls of the whole flow.
 */
export async function emailLinkFirstVisit(options: FlowOptions): Promise<EmailLinkVisit> {
  const { portalUrl, sandbox } = options;
  const link = await freshLink(options);
  await sandbox.clearRequests();
  const answer = await fetch(link, { redirect: "manual" });
  await answer.body?.cancel();
  const linkCalls = (await sandbox.requests()).length;
  const location = answer.headers.get("location");
  const cookie = answer.headers
    .getSetCookie()
    .map((pair) => pair.split(";")[0] ?? "")
    .join("; ");
  let pageStatus = 0;
  if (location) {
    const page = await fetch(new URL(location, portalUrl), {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    await page.text();
    pageStatus = page.status;
  }
  const logged = await sandbox.requests();
  return {
    linkStatus: answer.status,
    pageStatus,
    location,
    calls: logged.length,
    called: logged.map((entry) => entry.path),
    linkCalls,
    browser: await browserRenders(await freshLink(options)),
  };
}

/** What a fresh browser requests when it opens `link` and the page settles. */
async function browserRenders(link: string): Promise<BrowserRenders | null> {
  if (!existsSync(CHROMIUM_PATH)) return null;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const documents: string[] = [];
    let refreshes = 0;
    page.on("request", (request) => {
      const headers = request.headers();
      if (request.resourceType() === "document") {
        documents.push(`${request.method()} ${new URL(request.url()).pathname}`);
      } else if (headers.rsc === "1" && !headers["next-router-prefetch"]) {
        refreshes++;
      }
    });
    await page.goto(link, { waitUntil: "networkidle" });
    await context.close();
    return { documents, refreshes };
  } finally {
    await browser.close();
  }
}
