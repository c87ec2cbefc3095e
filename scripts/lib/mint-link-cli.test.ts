import { describe, expect, it } from "vitest";
import { expiredLinkClaims, mintLinkToken, verifyLinkToken } from "../../lib/auth/link-token";
import { buildImageLink, buildLink, parseMintLinkArgs, resolveLinkSecret, tokenTimes } from "./mint-link-cli";

const SECRET = "a-portal-link-secret-of-32-chars-or-more";

describe("parseMintLinkArgs", () => {
  it("applies the defaults", () => {
    expect(parseMintLinkArgs(["--user", "usr_42"], {})).toEqual({
      kind: "request",
      request: {
        userId: "usr_42",
        checkoutId: null,
        ttlSeconds: 7 * 86_400,
        baseUrl: "http://localhost:3000",
        image: false,
        expired: false,
        lang: null,
      },
    });
  });

  it("reads every option", () => {
    const argv = [
      "--user",
      "usr_42",
      "--checkout",
      "chk_9",
      "--ttl",
      "12h",
      "--base-url",
      "https://portal.example.com/",
      "--lang",
      "es",
    ];
    expect(parseMintLinkArgs(argv, { PORT: "4000" })).toEqual({
      kind: "request",
      request: {
        userId: "usr_42",
        checkoutId: "chk_9",
        ttlSeconds: 43_200,
        baseUrl: "https://portal.example.com",
        image: false,
        expired: false,
        lang: "es",
      },
    });
  });

  it("takes the default port from PORT and keeps a base path", () => {
    expect(parseMintLinkArgs(["--user=usr_42"], { PORT: "8080" })).toMatchObject({
      request: { baseUrl: "http://localhost:8080" },
    });
    expect(
      parseMintLinkArgs(["--user", "usr_42", "--base-url", "https://x.example/portal//"], {}),
    ).toMatchObject({
      request: { baseUrl: "https://x.example/portal" },
    });
  });

  it("mints a status-image URL with --image, which needs a checkout", () => {
    expect(parseMintLinkArgs(["--user", "usr_42", "--checkout", "chk_9", "--image"], {})).toMatchObject({
      request: { checkoutId: "chk_9", image: true },
    });
    expect(parseMintLinkArgs(["--user", "usr_42", "--image"], {})).toMatchObject({
      kind: "usage_error",
      message: /--image needs --checkout/,
    });
    expect(buildImageLink("https://portal.example.com", "chk_9", "a.b.c")).toBe(
      "https://portal.example.com/api/status-image/chk_9?token=a.b.c",
    );
  });

  it("names the email's language with --lang, for links and images alike", () => {
    expect(parseMintLinkArgs(["--user", "usr_42", "--lang", "en"], {})).toMatchObject({
      request: { lang: "en" },
    });
    expect(
      parseMintLinkArgs(["--user", "usr_42", "--checkout", "chk_9", "--image", "--lang=es"], {}),
    ).toMatchObject({ request: { image: true, lang: "es" } });
  });

  it("mints with --expired a link that no longer signs in but can still ask for a new one", async () => {
    const parsed = parseMintLinkArgs(["--user", "usr_42", "--checkout", "chk_9", "--expired"], {});
    if (parsed.kind !== "request") throw new Error(`not a request: ${JSON.stringify(parsed)}`);
    const now = new Date("2026-06-01T12:00:00Z");
    const { issuedAt, expiresAt } = tokenTimes(parsed.request, now);
    expect(expiresAt.toISOString()).toBe("2026-06-01T11:00:00.000Z");
    expect(issuedAt.toISOString()).toBe("2026-05-25T11:00:00.000Z");

    const token = await mintLinkToken({ ...parsed.request, secret: SECRET, now: issuedAt });
    expect(await verifyLinkToken(token, { secret: SECRET, now })).toMatchObject({
      ok: false,
      reason: "expired",
    });
    expect(await expiredLinkClaims(token, { secret: SECRET, now })).toMatchObject({
      userId: "usr_42",
      checkoutId: "chk_9",
    });
    expect(
      parseMintLinkArgs(["--user", "usr_42", "--checkout", "chk_9", "--image", "--expired"], {}),
    ).toMatchObject({
      kind: "usage_error",
      message: /--expired .* not with --image/,
    });
  });

  it("recognises --help", () => {
    expect(parseMintLinkArgs(["--help"], {})).toEqual({ kind: "help" });
    expect(parseMintLinkArgs(["-h"], {})).toEqual({ kind: "help" });
  });

  it.each([
    [[], /--user is required/],
    [["--user"], /--user/],
    [["--user", "42"], /usr_/],
    [["--user", "usr_42", "--checkout", "chk/9"], /--checkout/],
    [["--user", "usr_42", "--checkout", ""], /--checkout/],
    [["--user", "usr_42", "--ttl", "soon"], /--ttl must look like/],
    [["--user", "usr_42", "--ttl", "31d"], /at most 30d/],
    [["--user", "usr_42", "--base-url", "localhost:3000"], /--base-url/],
    [["--user", "usr_42", "--base-url", "ftp://x.example"], /--base-url/],
    [["--user", "usr_42", "--base-url", "https://x.example/?a=1"], /query/],
    [["--user", "usr_42", "--colour", "red"], /colour/],
    [["--user", "usr_42", "--lang", "fr"], /--lang must be one of en, es, got "fr"/],
    [["--user", "usr_42", "--lang", "es-MX"], /--lang must be one of en, es/],
    [["--user", "usr_42", "--lang", "ES"], /--lang must be one of en, es/],
    [["--user", "usr_42", "--lang", ""], /--lang must be one of en, es/],
    [["--user", "usr_42", "--lang"], /--lang/],
    [["--user", "usr_42", "extra"], /extra/],
  ])("explains %j", (argv, message) => {
    const parsed = parseMintLinkArgs(argv, {});
    expect(parsed.kind).toBe("usage_error");
    expect(parsed.kind === "usage_error" && parsed.message).toMatch(message);
  });

  it("rejects a PORT that is not a port", () => {
    expect(parseMintLinkArgs(["--user", "usr_42"], { PORT: "abc" })).toMatchObject({ kind: "usage_error" });
  });
});

describe("buildLink", () => {
  it("puts the token in the /link query", () => {
    expect(buildLink("https://portal.example.com", "a.b.c")).toBe(
      "https://portal.example.com/link?token=a.b.c",
    );
  });
});

describe("resolveLinkSecret", () => {
  const noSandboxFile = () => null;
  const unreadable = () => {
    throw new Error("the sandbox file must not be read");
  };

  it("prefers PORTAL_LINK_SECRET, used exactly as the portal uses it (spaces included)", () => {
    expect(resolveLinkSecret({ PORTAL_LINK_SECRET: ` ${SECRET} ` }, unreadable)).toEqual({
      ok: true,
      secret: ` ${SECRET} `,
      source: "environment",
    });
  });

  it("falls back to the sandbox secret", () => {
    expect(resolveLinkSecret({ PORTAL_LINK_SECRET: "" }, () => SECRET)).toEqual({
      ok: true,
      secret: SECRET,
      source: "sandbox_file",
    });
  });

  it("tells the operator to set PORTAL_LINK_SECRET when there is none", () => {
    expect(resolveLinkSecret({}, noSandboxFile)).toMatchObject({
      ok: false,
      message: /set PORTAL_LINK_SECRET/,
    });
    expect(resolveLinkSecret({}, () => "")).toMatchObject({ ok: false, message: /set PORTAL_LINK_SECRET/ });
  });

  it("refuses short secrets from either source", () => {
    expect(resolveLinkSecret({ PORTAL_LINK_SECRET: "short" }, noSandboxFile)).toMatchObject({
      ok: false,
      message: /32/,
    });
    expect(resolveLinkSecret({}, () => "short")).toMatchObject({ ok: false, message: /32/ });
  });
});
