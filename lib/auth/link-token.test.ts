import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  expiredLinkClaims,
  LINK_AUDIENCE,
  LINK_LONGEST_REACH_SECONDS,
  LINK_RENEWAL_WINDOW_SECONDS,
  MAX_LINK_TTL_SECONDS,
  mintLinkToken,
  mintStatusImageToken,
  STATUS_IMAGE_AUDIENCE,
  verifyLinkToken,
  verifyStatusImageToken,
} from "./link-token";

const SECRET = "test-link-secret-0123456789abcdefghijklmnop";
const OTHER_SECRET = "another-link-secret-0123456789abcdefghijklm";
const NOW = new Date("2026-01-01T00:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const DAY = 24 * 60 * 60;

const secondsFromNow = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

const base64Url = (text: string | Buffer) => Buffer.from(text).toString("base64url");

/**
 * Builds a token the way a minter in another language would: node:crypto rather than Web Crypto,
 * with arbitrary header and payload so tests can forge every kind of bad token.
 */
function handMadeToken(
  header: unknown,
  payload: unknown,
  options: { secret?: string; encode?: (value: unknown) => string } = {},
): string {
  const encode = options.encode ?? ((value: unknown) => base64Url(JSON.stringify(value)));
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const signature = createHmac("sha256", options.secret ?? SECRET)
    .update(signingInput)
    .digest("base64url");
  return `${signingInput}.${signature}`;
}

const HS256_HEADER = { alg: "HS256", typ: "JWT" };
const validPayload = (overrides: Record<string, unknown> = {}) => ({
  sub: "usr_42",
  aud: LINK_AUDIENCE,
  iat: NOW_SECONDS,
  exp: NOW_SECONDS + 7 * DAY,
  ...overrides,
});

const verifyNow = (token: unknown) => verifyLinkToken(token, { secret: SECRET, now: NOW });
const INVALID = { ok: false, reason: "invalid" };

describe("mintLinkToken + verifyLinkToken", () => {
  it("round-trips a link without a checkout", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 7 * DAY, secret: SECRET, now: NOW });
    expect(await verifyNow(token)).toEqual({
      ok: true,
      claims: {
        userId: "usr_42",
        checkoutId: null,
        issuedAt: NOW_SECONDS,
        expiresAt: NOW_SECONDS + 7 * DAY,
        tokenId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        lang: null,
      },
    });
  });

  it("round-trips a link to a checkout", async () => {
    const token = await mintLinkToken({
      userId: "usr_A_b9",
      checkoutId: "chk_abc-123",
      ttlSeconds: 3600,
      secret: SECRET,
      now: NOW,
    });
    const result = await verifyNow(token);
    expect(result).toEqual({
      ok: true,
      claims: {
        userId: "usr_A_b9",
        checkoutId: "chk_abc-123",
        issuedAt: NOW_SECONDS,
        expiresAt: NOW_SECONDS + 3600,
        tokenId: expect.any(String),
        lang: null,
      },
    });
  });

  it("writes the exact header and claims other minters are told to write", async () => {
    const token = await mintLinkToken({
      userId: "usr_1",
      checkoutId: "chk_1",
      ttlSeconds: 60,
      secret: SECRET,
      now: NOW,
      tokenId: "tok_0123456789",
    });
    const [header, payload] = token.split(".").map((part) => Buffer.from(part, "base64url").toString("utf8"));
    expect(header).toBe('{"alg":"HS256","typ":"JWT"}');
    expect(payload).toBe(
      `{"sub":"usr_1","checkout":"chk_1","aud":"checkout-portal","iat":${NOW_SECONDS},"exp":${NOW_SECONDS + 60},"jti":"tok_0123456789"}`,
    );
  });

  it("uses the current time when none is given", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 300, secret: SECRET });
    expect((await verifyLinkToken(token, { secret: SECRET })).ok).toBe(true);
  });

  it("refuses to mint with bad arguments", async () => {
    const mint = (overrides: Partial<Parameters<typeof mintLinkToken>[0]>) =>
      mintLinkToken({ userId: "usr_42", ttlSeconds: 60, secret: SECRET, now: NOW, ...overrides });
    await expect(mint({ ttlSeconds: MAX_LINK_TTL_SECONDS + 1 })).rejects.toThrow(RangeError);
    await expect(mint({ ttlSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(mint({ ttlSeconds: 1.5 })).rejects.toThrow(RangeError);
    await expect(mint({ userId: "42" })).rejects.toThrow(TypeError);
    await expect(mint({ checkoutId: "chk/../x" })).rejects.toThrow(TypeError);
    await expect(mint({ secret: "short" })).rejects.toThrow(/at least 32/);
    await expect(mint({ ttlSeconds: MAX_LINK_TTL_SECONDS })).resolves.toEqual(expect.any(String));
  });
});

describe("verifyLinkToken: time", () => {
  it("reports expired links", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 3600, secret: SECRET, now: NOW });
    const result = await verifyLinkToken(token, { secret: SECRET, now: secondsFromNow(3600 + 61) });
    expect(result).toEqual({ ok: false, reason: "expired" });
  });

  it("reports links issued in the future", async () => {
    const token = await mintLinkToken({
      userId: "usr_42",
      ttlSeconds: 3600,
      secret: SECRET,
      now: secondsFromNow(61),
    });
    expect(await verifyNow(token)).toEqual({ ok: false, reason: "not_yet_valid" });
  });

  it("tolerates 60 seconds of clock skew either way", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 3600, secret: SECRET, now: NOW });
    expect((await verifyLinkToken(token, { secret: SECRET, now: secondsFromNow(3600 + 60) })).ok).toBe(true);
    expect((await verifyLinkToken(token, { secret: SECRET, now: secondsFromNow(-60) })).ok).toBe(true);
    expect(await verifyLinkToken(token, { secret: SECRET, now: secondsFromNow(-61) })).toEqual({
      ok: false,
      reason: "not_yet_valid",
    });
  });

  it("honours a not-before claim from other minters", async () => {
    const token = handMadeToken(HS256_HEADER, validPayload({ nbf: NOW_SECONDS + 3600 }));
    expect(await verifyNow(token)).toEqual({ ok: false, reason: "not_yet_valid" });
  });

  it("refuses lifetimes over 30 days even when correctly signed", async () => {
    const tooLong = handMadeToken(
      HS256_HEADER,
      validPayload({ exp: NOW_SECONDS + MAX_LINK_TTL_SECONDS + 1 }),
    );
    expect(await verifyNow(tooLong)).toEqual(INVALID);
    const exactly30Days = handMadeToken(
      HS256_HEADER,
      validPayload({ exp: NOW_SECONDS + MAX_LINK_TTL_SECONDS }),
    );
    expect((await verifyNow(exactly30Days)).ok).toBe(true);
  });

  it("refuses tokens that expire before or when they are issued", async () => {
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ exp: NOW_SECONDS })))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ exp: NOW_SECONDS - 10 })))).toEqual(
      INVALID,
    );
  });

  it("says invalid, not expired, for a signed token our policy refuses, however late it is", async () => {
    const badAndLate = handMadeToken(
      HS256_HEADER,
      validPayload({ checkout: null, iat: NOW_SECONDS - 2 * DAY, exp: NOW_SECONDS - DAY }),
    );
    expect(await verifyNow(badAndLate)).toEqual(INVALID);
    expect(await expiredLinkClaims(badAndLate, { secret: SECRET, now: NOW })).toBeNull();
    const badAndEarly = handMadeToken(HS256_HEADER, validPayload({ sub: "42", iat: NOW_SECONDS + DAY }));
    expect(await verifyNow(badAndEarly)).toEqual(INVALID);
  });

  it("says invalid, not expired, for a forged token that is also expired", async () => {
    const forged = handMadeToken(
      HS256_HEADER,
      validPayload({ exp: NOW_SECONDS - DAY, iat: NOW_SECONDS - 2 * DAY }),
      {
        secret: OTHER_SECRET,
      },
    );
    expect(await verifyNow(forged)).toEqual(INVALID);
  });
});

describe("verifyLinkToken: signature and algorithm", () => {
  it("refuses a tampered payload", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 3600, secret: SECRET, now: NOW });
    const [header, , signature] = token.split(".");
    const otherPayload = base64Url(JSON.stringify(validPayload({ sub: "usr_43" })));
    expect(await verifyNow(`${header}.${otherPayload}.${signature}`)).toEqual(INVALID);
  });

  it("refuses a tampered signature", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 3600, secret: SECRET, now: NOW });
    const signature = token.split(".")[2] ?? "";
    const flipped = Buffer.from(signature, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = `${token.slice(0, token.lastIndexOf(".") + 1)}${flipped.toString("base64url")}`;
    expect(await verifyNow(tampered)).toEqual(INVALID);
    expect(await verifyNow(token.slice(0, -1))).toEqual(INVALID);
  });

  it("refuses a token signed with another secret", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 3600, secret: OTHER_SECRET, now: NOW });
    expect(await verifyNow(token)).toEqual(INVALID);
  });

  it('refuses alg "none" with an empty signature', async () => {
    const unsigned = `${base64Url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64Url(JSON.stringify(validPayload()))}.`;
    expect(await verifyNow(unsigned)).toEqual(INVALID);
  });

  it("refuses an HS512 (or RS256) header even with a valid HS256 signature", async () => {
    expect(await verifyNow(handMadeToken({ alg: "HS512", typ: "JWT" }, validPayload()))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken({ alg: "RS256", typ: "JWT" }, validPayload()))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken({ alg: "hs256", typ: "JWT" }, validPayload()))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken({ typ: "JWT" }, validPayload()))).toEqual(INVALID);
  });

  it("refuses headers with a critical extension or another type", async () => {
    expect(
      await verifyNow(handMadeToken({ alg: "HS256", crit: ["b64"], b64: false }, validPayload())),
    ).toEqual(INVALID);
    expect(await verifyNow(handMadeToken({ alg: "HS256", typ: "JWE" }, validPayload()))).toEqual(INVALID);
  });

  it("refuses a non-canonical base64url spelling of the signature", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 3600, secret: SECRET, now: NOW });
    // The last of 43 characters carries 2 unused bits; changing them keeps the same bytes.
    const last = token.at(-1) ?? "";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sameBytes = alphabet[alphabet.indexOf(last) ^ 1] ?? "";
    expect(await verifyNow(`${token.slice(0, -1)}${sameBytes}`)).toEqual(INVALID);
  });
});

describe("verifyLinkToken: claims", () => {
  it("refuses the wrong audience, and accepts ours inside an array", async () => {
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ aud: "billing" })))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ aud: undefined })))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ aud: ["billing"] })))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ aud: [LINK_AUDIENCE, 7] })))).toEqual(
      INVALID,
    );
    const inArray = await verifyNow(
      handMadeToken(HS256_HEADER, validPayload({ aud: ["billing", LINK_AUDIENCE] })),
    );
    expect(inArray.ok).toBe(true);
  });

  it.each([
    ["missing sub", { sub: undefined }],
    ["sub without usr_", { sub: "42" }],
    ["sub with a path character", { sub: "usr_1/../2" }],
    ["numeric sub", { sub: 42 }],
    ["numeric string iat", { iat: String(NOW_SECONDS) }],
    ["numeric string exp", { exp: String(NOW_SECONDS + 60) }],
    ["fractional exp", { exp: NOW_SECONDS + 60.5 }],
    ["missing exp", { exp: undefined }],
    ["missing iat", { iat: undefined }],
    ["checkout with a slash", { checkout: "chk/1" }],
    ["checkout too long", { checkout: "c".repeat(65) }],
    ["numeric checkout", { checkout: 7 }],
    ["string nbf", { nbf: "0" }],
  ])("refuses a signed token with %s", async (_label, overrides) => {
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload(overrides)))).toEqual(INVALID);
  });

  it("refuses a null checkout: the claim is a checkout id or absent, never an account-wide null", async () => {
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ checkout: null })))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ checkout: "" })))).toEqual(INVALID);
    const absent = await verifyNow(handMadeToken(HS256_HEADER, validPayload()));
    expect(absent).toMatchObject({ ok: true, claims: { checkoutId: null } });
  });

  it("reads a jti for revocation, refuses a malformed one, and still accepts tokens without", async () => {
    const withId = await verifyNow(handMadeToken(HS256_HEADER, validPayload({ jti: "550e8400-e29b-41d4" })));
    expect(withId).toMatchObject({ ok: true, claims: { tokenId: "550e8400-e29b-41d4" } });
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ jti: "x" })))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload({ jti: 12345678 })))).toEqual(INVALID);
    expect(await verifyNow(handMadeToken(HS256_HEADER, validPayload()))).toMatchObject({
      ok: true,
      claims: { tokenId: null },
    });
  });

  it("ignores claims it does not use", async () => {
    const result = await verifyNow(handMadeToken(HS256_HEADER, validPayload({ iss: "notifications" })));
    expect(result.ok).toBe(true);
  });
});

describe("single-purpose tokens", () => {
  const imageToken = () =>
    mintStatusImageToken({
      userId: "usr_42",
      checkoutId: "chk_1",
      ttlSeconds: 3600,
      secret: SECRET,
      now: NOW,
    });
  const verifyImageNow = (token: unknown) => verifyStatusImageToken(token, { secret: SECRET, now: NOW });

  it("a status-image token fetches its image and cannot sign in", async () => {
    const token = await imageToken();
    expect(await verifyImageNow(token)).toEqual({
      ok: true,
      claims: {
        userId: "usr_42",
        checkoutId: "chk_1",
        issuedAt: NOW_SECONDS,
        expiresAt: NOW_SECONDS + 3600,
        tokenId: null,
        lang: null,
      },
    });
    expect(await verifyNow(token)).toEqual(INVALID);
  });

  it("a link token signs in and cannot fetch an image", async () => {
    const token = await mintLinkToken({
      userId: "usr_42",
      checkoutId: "chk_1",
      ttlSeconds: 60,
      secret: SECRET,
      now: NOW,
    });
    expect((await verifyNow(token)).ok).toBe(true);
    expect(await verifyImageNow(token)).toEqual(INVALID);
  });

  it("refuses a token naming both audiences, and an image token without a checkout", async () => {
    const both = handMadeToken(
      HS256_HEADER,
      validPayload({ checkout: "chk_1", aud: [LINK_AUDIENCE, STATUS_IMAGE_AUDIENCE] }),
    );
    expect(await verifyNow(both)).toEqual(INVALID);
    expect(await verifyImageNow(both)).toEqual(INVALID);
    const noCheckout = handMadeToken(HS256_HEADER, validPayload({ aud: STATUS_IMAGE_AUDIENCE }));
    expect(await verifyImageNow(noCheckout)).toEqual(INVALID);
    const imageAud = handMadeToken(
      HS256_HEADER,
      validPayload({ checkout: "chk_1", aud: [STATUS_IMAGE_AUDIENCE, "x"] }),
    );
    expect((await verifyImageNow(imageAud)).ok).toBe(true);
  });
});

describe("verifyLinkToken: malformed input never throws", () => {
  it.each<[string, unknown]>([
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["an array from a repeated query parameter", ["a.b.c", "a.b.c"]],
    ["an empty string", ""],
    ["two parts", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfNDIifQ"],
    ["four parts", "a.b.c.d"],
    ["garbage base64", "!!!.@@@.###"],
    ["standard base64 padding", "eyJhbGciOiJIUzI1NiJ9==.e30=.e30="],
    ["a lone base64 character", "a.b.c"],
    ["an oversized token", `${"a".repeat(5000)}.b.c`],
  ])("refuses %s", async (_label, token) => {
    expect(await verifyNow(token)).toEqual(INVALID);
  });

  it("refuses signed payloads that are not JSON objects", async () => {
    const rawPayload = { encode: (value: unknown) => base64Url(String(value)) };
    const header = base64Url(JSON.stringify(HS256_HEADER));
    for (const payload of ["[1,2,3]", "null", '"usr_42"', "42", "{not json", "\u00ff"]) {
      const signingInput = `${header}.${rawPayload.encode(payload)}`;
      const signature = createHmac("sha256", SECRET).update(signingInput).digest("base64url");
      expect(await verifyNow(`${signingInput}.${signature}`)).toEqual(INVALID);
    }
    // Bytes that are not UTF-8 at all.
    const binaryPayload = base64Url(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const signingInput = `${header}.${binaryPayload}`;
    const signature = createHmac("sha256", SECRET).update(signingInput).digest("base64url");
    expect(await verifyNow(`${signingInput}.${signature}`)).toEqual(INVALID);
  });

  it("refuses a header that is not a JSON object", async () => {
    expect(await verifyNow(handMadeToken(["HS256"], validPayload()))).toEqual(INVALID);
  });

  it("throws for an unusable secret, a configuration bug rather than a bad link", async () => {
    await expect(verifyLinkToken("a.b.c", { secret: "" })).rejects.toThrow(/at least 32/);
  });
});

describe("interoperability", () => {
  it("verifies a token minted by hand with node:crypto, as any language could", async () => {
    // Key order and spacing differ from ours on purpose: only the signed bytes matter.
    const header = base64Url('{"typ": "JWT", "alg": "HS256"}');
    const payload = base64Url(
      `{"aud": ["checkout-portal"], "exp": ${NOW_SECONDS + 3600}, "iat": ${NOW_SECONDS}, "sub": "usr_py_7", "checkout": "chk_9"}`,
    );
    const signature = createHmac("sha256", Buffer.from(SECRET, "utf8"))
      .update(`${header}.${payload}`, "ascii")
      .digest("base64url");
    expect(await verifyNow(`${header}.${payload}.${signature}`)).toEqual({
      ok: true,
      claims: {
        userId: "usr_py_7",
        checkoutId: "chk_9",
        issuedAt: NOW_SECONDS,
        expiresAt: NOW_SECONDS + 3600,
        tokenId: null,
        lang: null,
      },
    });
  });

  it("mints tokens whose signature node:crypto agrees with", async () => {
    const token = await mintLinkToken({ userId: "usr_42", ttlSeconds: 3600, secret: SECRET, now: NOW });
    const signingInput = token.slice(0, token.lastIndexOf("."));
    const expected = createHmac("sha256", SECRET).update(signingInput).digest("base64url");
    expect(token.slice(token.lastIndexOf(".") + 1)).toBe(expected);
  });
});

describe("docs/link-tokens.md worked example", () => {
  const DOCS_SECRET = "docs-example-secret-do-not-use-0123456789";
  const DOCS_TOKEN =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMTIzIiwiY2hlY2tvdXQiOiJjaGtfNDU2IiwiYXVkIjoiY2hlY2tvdXQtcG9ydGFsIiwiaWF0IjoxNzY3MjI1NjAwLCJleHAiOjE3Njc4MzA0MDAsImp0aSI6IldiM3hRbTlUMmFGa0xwN1JjWjFuVmcifQ.8qkxZabZXnsCBQ1IOAM2gey7d1K7HLNWkuvYNl6S-dY";
  const DOCS_IMAGE_TOKEN =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMTIzIiwiY2hlY2tvdXQiOiJjaGtfNDU2IiwiYXVkIjoiY2hlY2tvdXQtcG9ydGFsL3N0YXR1cy1pbWFnZSIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoxNzY5ODE3NjAwfQ.GDLNlr3fQziOZW5cJIIQWq6No_sN2LJeT5V24DQS6dc";

  it("is what mintLinkToken produces, so other minters can check their output against it", async () => {
    const token = await mintLinkToken({
      userId: "usr_123",
      checkoutId: "chk_456",
      ttlSeconds: 7 * DAY,
      secret: DOCS_SECRET,
      now: new Date("2026-01-01T00:00:00Z"),
      tokenId: "Wb3xQm9T2aFkLp7RcZ1nVg",
    });
    expect(token).toBe(DOCS_TOKEN);
  });

  it("has a status-image example that mintStatusImageToken reproduces", async () => {
    const token = await mintStatusImageToken({
      userId: "usr_123",
      checkoutId: "chk_456",
      ttlSeconds: 30 * DAY,
      secret: DOCS_SECRET,
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(token).toBe(DOCS_IMAGE_TOKEN);
    expect((await verifyStatusImageToken(DOCS_IMAGE_TOKEN, { secret: DOCS_SECRET, now: NOW })).ok).toBe(true);
  });

  it("verifies", async () => {
    const result = await verifyLinkToken(DOCS_TOKEN, { secret: DOCS_SECRET, now: NOW });
    expect(result).toEqual({
      ok: true,
      claims: {
        userId: "usr_123",
        checkoutId: "chk_456",
        issuedAt: 1_767_225_600,
        expiresAt: 1_767_830_400,
        tokenId: "Wb3xQm9T2aFkLp7RcZ1nVg",
        lang: null,
      },
    });
  });
});

describe("expiredLinkClaims: who an expired link was for", () => {
  const mintExpired = (options: { checkoutId?: string; secret?: string } = {}) =>
    mintLinkToken({
      userId: "usr_123",
      checkoutId: options.checkoutId ?? "chk_456",
      ttlSeconds: DAY,
      secret: options.secret ?? SECRET,
      now: secondsFromNow(-2 * DAY),
      tokenId: "jti_renewable1",
    });

  it("reads a correctly signed, expired link", async () => {
    expect(await expiredLinkClaims(await mintExpired(), { secret: SECRET, now: NOW })).toEqual({
      userId: "usr_123",
      checkoutId: "chk_456",
      issuedAt: NOW_SECONDS - 2 * DAY,
      expiresAt: NOW_SECONDS - DAY,
      tokenId: "jti_renewable1",
      lang: null,
    });
  });

  it("says nothing about forged, garbled, still valid or long-dead links", async () => {
    const forged = await mintExpired({ secret: OTHER_SECRET });
    expect(await expiredLinkClaims(forged, { secret: SECRET, now: NOW })).toBeNull();
    expect(await expiredLinkClaims("not-a-token", { secret: SECRET, now: NOW })).toBeNull();
    expect(await expiredLinkClaims(undefined, { secret: SECRET, now: NOW })).toBeNull();
    const valid = await mintLinkToken({ userId: "usr_123", ttlSeconds: DAY, secret: SECRET, now: NOW });
    expect(await expiredLinkClaims(valid, { secret: SECRET, now: NOW })).toBeNull();
    const longDead = secondsFromNow(LINK_RENEWAL_WINDOW_SECONDS + 1);
    expect(await expiredLinkClaims(await mintExpired(), { secret: SECRET, now: longDead })).toBeNull();
    const image = await mintStatusImageToken({
      userId: "usr_123",
      checkoutId: "chk_456",
      ttlSeconds: DAY,
      secret: SECRET,
      now: secondsFromNow(-2 * DAY),
    });
    expect(await expiredLinkClaims(image, { secret: SECRET, now: NOW })).toBeNull();
  });
});

it("says how long after it was issued a link can still ask for a new one, to the second", async () => {
  // What a customer revocation must outlive (lib/auth/revocations.ts).
  const longest = await mintLinkToken({
    userId: "usr_123",
    ttlSeconds: MAX_LINK_TTL_SECONDS,
    secret: SECRET,
    now: NOW,
    tokenId: "jti_longest01",
  });
  const at = (seconds: number) => ({ secret: SECRET, now: secondsFromNow(seconds) });
  expect(await expiredLinkClaims(longest, at(LINK_LONGEST_REACH_SECONDS))).not.toBeNull();
  expect(await expiredLinkClaims(longest, at(LINK_LONGEST_REACH_SECONDS + 1))).toBeNull();
  expect(await verifyLinkToken(longest, at(LINK_LONGEST_REACH_SECONDS))).toEqual({
    ok: false,
    reason: "expired",
  });
});

describe("the lang claim", () => {
  it("round-trips the language the email was written in, and leaves it out when not given", async () => {
    const spanish = await mintLinkToken({
      userId: "usr_1",
      ttlSeconds: 60,
      secret: SECRET,
      lang: "es",
      now: NOW,
    });
    expect(await verifyNow(spanish)).toMatchObject({ ok: true, claims: { lang: "es" } });
    const unspecified = await mintLinkToken({ userId: "usr_1", ttlSeconds: 60, secret: SECRET, now: NOW });
    expect(
      JSON.parse(Buffer.from(unspecified.split(".")[1] ?? "", "base64url").toString()),
    ).not.toHaveProperty("lang");
    expect(await verifyNow(unspecified)).toMatchObject({ ok: true, claims: { lang: null } });
  });

  it("is kept by status-image tokens too, so the image can be drawn in the email's language", async () => {
    const image = await mintStatusImageToken({
      userId: "usr_1",
      checkoutId: "chk_1",
      ttlSeconds: 60,
      secret: SECRET,
      lang: "es",
      now: NOW,
    });
    expect(JSON.parse(Buffer.from(image.split(".")[1] ?? "", "base64url").toString())).toMatchObject({
      lang: "es",
    });
    expect(await verifyStatusImageToken(image, { secret: SECRET, now: NOW })).toMatchObject({
      ok: true,
      claims: { checkoutId: "chk_1", lang: "es" },
    });
    const unspecified = await mintStatusImageToken({
      userId: "usr_1",
      checkoutId: "chk_1",
      ttlSeconds: 60,
      secret: SECRET,
      now: NOW,
    });
    expect(await verifyStatusImageToken(unspecified, { secret: SECRET, now: NOW })).toMatchObject({
      ok: true,
      claims: { lang: null },
    });
    await expect(
      mintStatusImageToken({
        userId: "usr_1",
        checkoutId: "chk_1",
        ttlSeconds: 60,
        secret: SECRET,
        lang: "fr" as "es",
      }),
    ).rejects.toThrow(TypeError);
  });

  it("refuses to mint a language the portal does not speak", async () => {
    await expect(
      mintLinkToken({ userId: "usr_1", ttlSeconds: 60, secret: SECRET, lang: "fr" as "es" }),
    ).rejects.toThrow(TypeError);
  });

  it.each([
    ["es-MX", "es"],
    ["EN", "en"],
    ["fr", null],
    [42, null],
  ])("reads another minter's lang %j as %j, still signing the customer in", async (lang, expected) => {
    const token = handMadeToken(HS256_HEADER, validPayload({ lang }));
    expect(await verifyNow(token)).toMatchObject({ ok: true, claims: { lang: expected } });
  });
});
