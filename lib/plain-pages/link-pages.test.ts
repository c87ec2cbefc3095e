import { decodeHTML } from "entities";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { paletteCss } from "@/lib/theme/palette";
import type { PlainPageContext } from "./context";
import {
  crossSitePostResponse,
  linkProblemResponse,
  linkRefusedResponse,
  linkRequestedResponse,
  switchAccountResponse,
  tooManyRequestsResponse,
} from "./link-pages";
import { linkPageLocale } from "./page-locale";

const context: PlainPageContext = { locale: "en", nonce: null, origin: null };
const text = (response: Response) => response.text();

describe("the expired-link page", () => {
  it("offers “Email me a new link” as a same-page POST form carrying the token in its body", async () => {
    const page = await text(
      linkProblemResponse("expired", context, { offer: "email_new_link", token: "a.b.c" }),
    );
    expect(page).toContain('<form method="post" action="/link/renew">');
    expect(page).toContain('<input type="hidden" name="token" value="a.b.c">');
    expect(page).toContain(">Email me a new link</button>");
  });

  it("has no button for a link that cannot be renewed (forged, garbled, revoked)", async () => {
    for (const reason of ["expired", "invalid", "not_yet_valid"] as const) {
      const page = await text(linkProblemResponse(reason, context, { offer: "none" }));
      expect(page).not.toContain("Email me a new link");
      expect(page).not.toContain('name="token"');
    }
  });

  it("names the support contact when the portal cannot send a new link", async () => {
    const page = await text(
      linkProblemResponse("expired", context, {
        offer: "contact_support",
        supportEmail: "help@example.test",
      }),
    );
    expect(page).toContain(
      `Need a new link? Contact us at <a href="mailto:help@example.test">help@example.test</a> and we&apos;ll send you one.`,
    );
    expect(page).not.toContain('name="token"');
  });
});

describe("a link that cannot sign in", () => {
  // Which tokens end in which reason is lib/auth/link-token.test.ts's; e2e/sign-in.spec.ts walks one of each.
  it.each([
    ["expired", 410, "This link has expired"],
    ["not_yet_valid", 401, "This link is not valid yet"],
    ["invalid", 401, "This link doesn"],
  ] as const)(
    "%s: answers %i with its headline, a way to sign in and nothing of a stack",
    async (reason, status, headline) => {
      const response = linkProblemResponse(reason, context);
      expect(response.status).toBe(status);
      const page = await text(response);
      expect(page).toMatch(new RegExp(`<h1>${headline}`));
      expect(page).toMatch(/<a class="button" href="\/signin">Sign in<\/a>/);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      expect(page).not.toMatch(/at \w+ \(|node_modules|Error:/);
    },
  );
});

describe("every link page", () => {
  it("carries the site header and every configured way to reach support, as working links", async () => {
    const support = {
      email: "help@example.test",
      phone: "+1 (555) 010-0199",
      url: "https://help.example.test/",
    };
    for (const reason of ["expired", "invalid", "not_yet_valid"] as const) {
      const page = await text(linkProblemResponse(reason, { ...context, support }));
      expect(page).toMatch(/<header class="site"><a class="brand" href="\/">.*The Sweet Spot<\/a>\n<form/);
      expect(page).toContain('href="/signin"');
      expect(page).toContain('href="mailto:help@example.test?subject=');
      expect(page).toContain('href="tel:+15550100199"');
      expect(page).toContain('href="https://help.example.test/"');
    }
  });

  it("wears the app's palette, as the same custom properties as the React pages", async () => {
    const page = await text(crossSitePostResponse(context));
    expect(page).toContain(paletteCss());
    // The style is ours and is not escaped into nonsense (an entity means nothing in CSS).
    const style = page.match(/<style>([\s\S]*)<\/style>/)?.[1];
    expect(style).toContain("var(--color-accent-strong)");
    expect(style).not.toMatch(/&\w+;/);
  });

  it("says how long to wait in whole minutes", async () => {
    const wait = async (seconds: number, locale: Locale) =>
      text(tooManyRequestsResponse(seconds, { ...context, locale }));
    expect(await wait(30, "en")).toContain("Please wait a minute and try again.");
    expect(await wait(150, "en")).toContain("Please wait 3 minutes and try again.");
    expect(await wait(30, "es")).toContain("Espere un minuto y vuelva a intentarlo.");
    expect(await wait(150, "es")).toContain("Espere 3 minutos y vuelva a intentarlo.");
  });
});

/** Every page these routes can answer with, in one language. */
function everyPage(locale: Locale): [name: string, response: Response][] {
  const spanish: PlainPageContext = {
    locale,
    nonce: "n0nce",
    origin: new URL("https://orders.example.test"),
    support: { email: "help@example.test", phone: "+1 555 010 0199", url: "https://help.example.test/" },
  };
  return [
    [
      "expired, with a new link by email",
      linkProblemResponse("expired", spanish, { offer: "email_new_link", token: "a.b.c" }),
    ],
    [
      "expired, with the support contact",
      linkProblemResponse("expired", spanish, {
        offer: "contact_support",
        supportEmail: "help@example.test",
      }),
    ],
    ["expired, nothing to offer", linkProblemResponse("expired", spanish)],
    ["not yet valid", linkProblemResponse("not_yet_valid", spanish)],
    ["invalid", linkProblemResponse("invalid", spanish)],
    ["revoked", linkRefusedResponse("revoked", spanish)],
    ["unverifiable", linkRefusedResponse("unverifiable", spanish)],
    ["rate limited", tooManyRequestsResponse(120, spanish)],
    ["another account", switchAccountResponse("a.b.c", "/checkouts", spanish)],
    ["a post from another site", crossSitePostResponse(spanish)],
    [
      "new link requested",
      linkRequestedResponse(spanish, {
        supportEmail: "help@example.test",
        sandboxOutboxUrl: "http://127.0.0.1:4010/__sandbox/outbox",
      }),
    ],
  ];
}

/** What a reader (or a link preview) gets from a page: its text, its title and its meta contents. */
function readableText(html: string): string {
  const metas = [...html.matchAll(/<meta [^>]*content="([^"]*)"/g)].map((match) => match[1]);
  const body = html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, " ").replace(/<[^>]+>/g, " ");
  return decodeHTML([...metas, body].join(" "));
}

/** Every English sentence of the link pages, and words no Spanish page would use. */
const ENGLISH_SENTENCES = Object.values(flatten(MESSAGES.en.link)).filter(
  (message) => message !== MESSAGES.es.link.page.titleSuffix && !message.startsWith("{"),
);
const ENGLISH_WORDS =
  /\b(the|this|that|link|your|you|sign|signed|email|please|try|again|help|contact|order|orders|expired|valid|wait|minutes?|switch|account|stay|check|new|status|checkouts?)\b/i;

function flatten(tree: object): Record<string, string> {
  const leaves: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") leaves[key] = value;
    else for (const [leaf, message] of Object.entries(flatten(value))) leaves[`${key}.${leaf}`] = message;
  }
  return leaves;
}

/** The language switch's form, as a reader of the page's HTML finds it. */
function languageSwitchOf(html: string): string {
  return html.match(/<form method="post" action="\/language">[\s\S]*?<\/form>/)?.[0] ?? "";
}

describe("the language switch of every link page", () => {
  const OTHER = {
    en: { name: "Español", lang: "es", label: "Language" },
    es: { name: "English", lang: "en", label: "Idioma" },
  };

  it.each(["en", "es"] as const)(
    "offers the other language on every %s page, without JavaScript",
    async (locale) => {
      const { name, lang, label } = OTHER[locale];
      for (const [page, response] of everyPage(locale)) {
        const form = languageSwitchOf(await text(response));
        expect(form, page).toContain('<fieldset class="language-group">');
        expect(form, page).toContain(`<legend class="visually-hidden">${label}</legend>`);
        expect(form, page).toContain(
          `<button type="submit" name="locale" value="${lang}" lang="${lang}" class="language-button">${name}</button>`,
        );
        // One button: the language the page is in is not offered.
        expect(form.match(/<button/g), page).toHaveLength(1);
        expect(form, page).toContain('<input type="hidden" name="back" value="/signin">');
      }
    },
  );

  it("never carries the link's token, nor any query of /link, and sends the origin alone as Referer", async () => {
    for (const [page, response] of everyPage("es")) {
      const form = languageSwitchOf(await text(response));
      expect(form, page).not.toContain("a.b.c");
      expect(form, page).not.toContain("token");
      expect(form, page).not.toContain("/link");
      // Under "no-referrer" the switch's post would carry `Origin: null` and be refused as cross-site.
      expect(response.headers.get("referrer-policy"), page).toBe("strict-origin");
    }
  });
});

describe("in Spanish", () => {
  it.each(everyPage("es"))("the %s page is Spanish through and through", async (_name, response) => {
    const html = await text(response);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<meta property="og:locale" content="es_US">');
    const readable = readableText(html)
      .replaceAll("The Sweet Spot", " ")
      .replace(/\S+@\S+|https?:\/\/\S+|\+1 555 010 0199|Sandbox|sandbox/g, " ");
    for (const sentence of ENGLISH_SENTENCES) expect(readable).not.toContain(sentence);
    expect(readable).not.toMatch(ENGLISH_WORDS);
  });

  it("keeps the status code, headers and form of every page", async () => {
    const english = everyPage("en");
    for (const [index, [name, response]] of everyPage("es").entries()) {
      const [, inEnglish] = english[index] ?? [];
      expect(response.status, name).toBe(inEnglish?.status);
      expect(response.headers.get("retry-after"), name).toBe(inEnglish?.headers.get("retry-after"));
      expect(response.headers.get("referrer-policy"), name).toBe(inEnglish?.headers.get("referrer-policy"));
    }
    const [, expired] = everyPage("es")[0] ?? [];
    const html = await expired?.text();
    expect(html).toContain('<input type="hidden" name="token" value="a.b.c">');
    expect(html).toContain(">Envíenme un enlace nuevo</button>");
    expect(html).toContain("<h1>Este enlace venció</h1>");
    expect(html).toContain("<title>Este enlace venció · The Sweet Spot</title>");
  });

  it("the English pages are English", async () => {
    for (const [name, response] of everyPage("en")) {
      expect(await text(response), name).toContain('<html lang="en">');
    }
  });
});

describe("the language of a link page", () => {
  const request = (headers: Record<string, string>) =>
    new Request("https://orders.example.test/link", { headers });

  it("is the customer's own choice first, over the link's language and the browser's", () => {
    expect(linkPageLocale(request({ Cookie: "locale=en", "Accept-Language": "es" }), "es")).toBe("en");
    expect(linkPageLocale(request({ Cookie: "a=1; locale=es" }), "en")).toBe("es");
  });

  it("is the link's language next, over the browser's", () => {
    expect(linkPageLocale(request({ "Accept-Language": "en-US,en;q=0.9" }), "es")).toBe("es");
  });

  it("is the browser's when there is no verified link language, else English", () => {
    expect(linkPageLocale(request({ "Accept-Language": "es-MX,es;q=0.9" }), null)).toBe("es");
    expect(linkPageLocale(request({ Cookie: "locale=fr", "Accept-Language": "de" }), null)).toBe("en");
    expect(linkPageLocale(request({ Cookie: "xlocale=es" }), null)).toBe("en");
  });
});

describe("a hostile value in any page", () => {
  // Each could arrive from outside: a token (from the URL or a form), a return path, a configured
  // contact, the sandbox's address, the proxy's nonce header.
  const hostile = (slot: string) => `"><script>alert("${slot}")</script><x y='`;
  const context: PlainPageContext = {
    locale: "en",
    nonce: hostile("nonce"),
    origin: new URL("https://orders.example.test"),
    support: { email: hostile("email"), phone: hostile("phone"), url: hostile("url") },
  };
  const pages: [name: string, page: () => Response, values: string[]][] = [
    [
      "expired, with a new link by email",
      () => linkProblemResponse("expired", context, { offer: "email_new_link", token: hostile("token") }),
      [hostile("token"), hostile("nonce"), hostile("email"), hostile("phone"), hostile("url")],
    ],
    [
      "expired, with the support contact",
      () =>
        linkProblemResponse("expired", context, {
          offer: "contact_support",
          supportEmail: hostile("support"),
        }),
      [hostile("support")],
    ],
    [
      "another account",
      () => switchAccountResponse(hostile("token"), hostile("stay"), context),
      [hostile("token"), hostile("stay")],
    ],
    [
      "new link requested",
      () =>
        linkRequestedResponse(context, {
          supportEmail: hostile("support"),
          sandboxOutboxUrl: hostile("outbox"),
        }),
      [hostile("support"), hostile("outbox")],
    ],
    ["invalid", () => linkProblemResponse("invalid", context), [hostile("email")]],
    ["revoked", () => linkRefusedResponse("revoked", context), [hostile("email")]],
    ["rate limited", () => tooManyRequestsResponse(60, context), [hostile("email")]],
    ["a post from another site", () => crossSitePostResponse(context), [hostile("email")]],
  ];

  it.each(pages)("comes out escaped on the %s page", async (_name, build, values) => {
    const page = await build().text();
    expect(page).not.toContain("<script");
    expect(page).not.toContain("<x ");
    for (const value of values) {
      expect(page).not.toContain(value);
      // Still all there once the entities are read, as text or as an attribute's value: escaped, not dropped.
      expect(decodeHTML(page)).toContain(value);
    }
  });

  it("keeps a hostile value inside the attribute it was put in", async () => {
    const [, expired] = pages[0] ?? [];
    const page = (await expired?.().text()) ?? "";
    const token = page.match(/<input type="hidden" name="token" value="([^"]*)">/)?.[1];
    expect(decodeHTML(token ?? "")).toBe(hostile("token"));
  });
});
