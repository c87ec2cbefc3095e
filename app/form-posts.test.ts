import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_FORM_BYTES } from "@/lib/http/form-body";
import { translatorFor } from "@/lib/i18n/translator";
import { createMemoryStore } from "@/lib/store/memory-store";
import { sandboxConfig } from "@/test-support/sandbox-config";

/*
 * Every form post of the portal refuses a body over MAX_FORM_BYTES with 413 (lib/http/form-body.ts),
 * declared by Content-Length or streamed without one, answered the way the route answers its other
 * refusals: the plain page for the link and sign-in posts, plain text for the header's forms.
 */

const config = vi.hoisted(() => ({ current: undefined as unknown }));
const store = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock("@/lib/env", () => ({ env: () => config.current }));
vi.mock("@/lib/store/shared", () => ({ sharedStore: () => store.current }));
vi.mock("@/lib/request/public-origin", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  publicOrigin: async () => null,
}));
vi.mock("@/lib/request/locale", () => ({
  getLocale: async () => "es",
  getTranslator: async () => translatorFor("es"),
}));

const routes = {
  "/language": (await import("./language/route")).POST,
  "/signout": (await import("./signout/route")).POST,
  "/link": (await import("./link/route")).POST,
  "/link/renew": (await import("./link/renew/route")).POST,
  "/signin/sandbox": (await import("./signin/sandbox/route")).POST,
} as const;

const PLAIN_PAGE = { type: "text/html", says: "Esta solicitud era demasiado grande" };
const PLAIN_TEXT = {
  type: "text/plain",
  says: "Esta solicitud era demasiado grande: nuestras páginas solo envían unas pocas palabras aquí.",
};
const ANSWERS: Record<keyof typeof routes, typeof PLAIN_PAGE> = {
  "/language": PLAIN_TEXT,
  "/signout": PLAIN_TEXT,
  "/link": PLAIN_PAGE,
  "/link/renew": PLAIN_PAGE,
  "/signin/sandbox": PLAIN_PAGE,
};

function oversizedPost(path: string, how: "declared" | "streamed") {
  const field = `token=${"a".repeat(MAX_FORM_BYTES)}`;
  const headers: Record<string, string> = {
    host: "portal.test",
    origin: "http://portal.test",
    "sec-fetch-site": "same-origin",
    "content-type": "application/x-www-form-urlencoded",
    "accept-language": "es",
  };
  // A browser's form post declares its length; a chunked one does not.
  if (how === "declared") headers["content-length"] = String(field.length);
  const body =
    how === "declared"
      ? field
      : new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(field));
            controller.close();
          },
        });
  return new NextRequest(`http://portal.test${path}`, {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

describe("form posts over 16 KB", () => {
  beforeEach(() => {
    config.current = sandboxConfig();
    store.current = createMemoryStore();
  });

  describe.each(Object.keys(routes) as (keyof typeof routes)[])("%s", (path) => {
    it.each(["declared", "streamed"] as const)("answers 413 to a body %s over the limit", async (how) => {
      const response = await routes[path](oversizedPost(path, how));
      expect(response.status).toBe(413);
      expect(response.headers.get("content-type")).toContain(ANSWERS[path].type);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.text()).toContain(ANSWERS[path].says);
    });
  });
});
