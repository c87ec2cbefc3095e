import { createHash, createPublicKey, createVerify, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_OIDC_CLIENT } from "./oidc";
import { type RunningSandbox, startSandbox } from "./testing";

let running: RunningSandbox;
const redirectUri = "http://127.0.0.1:3000/api/auth/callback/oidc";
const verifier = "a-long-enough-pkce-code-verifier-0123456789abcdef";
const challenge = createHash("sha256").update(verifier).digest("base64url");

beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

async function authorize(user = "usr_demo_alex"): Promise<string> {
  const params = new URLSearchParams({
    client_id: SANDBOX_OIDC_CLIENT.id,
    redirect_uri: redirectUri,
    response_type: "code",
    state: "st4te",
    nonce: "n0nce",
    code_challenge: challenge,
    code_challenge_method: "S256",
    user,
  });
  const response = await running.control(`/oidc/authorize?${params}`, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  expect(location.searchParams.get("state")).toBe("st4te");
  return location.searchParams.get("code") ?? "";
}

function exchange(code: string, overrides: Record<string, string> = {}) {
  return running.control("/oidc/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      client_id: SANDBOX_OIDC_CLIENT.id,
      client_secret: SANDBOX_OIDC_CLIENT.secret,
      ...overrides,
    }),
  });
}

describe("the sandbox's OpenID Connect issuer", () => {
  it("publishes discovery at its own issuer URL", async () => {
    const response = await running.control("/oidc/.well-known/openid-configuration");
    const discovery = (await response.json()) as Record<string, string>;
    expect(discovery.issuer).toBe(`${running.baseUrl}/__sandbox/oidc`);
    expect(discovery.token_endpoint).toBe(`${running.baseUrl}/__sandbox/oidc/token`);
  });

  it("lists the demo customers on its sign-in page", async () => {
    const html = await (await running.control(`/oidc/authorize?client_id=${SANDBOX_OIDC_CLIENT.id}`)).text();
    expect(html).toContain("Continue as Alex Rivera");
  });

  it("issues an RS256 ID token carrying the customer's usr_ id and the nonce", async () => {
    const response = await exchange(await authorize());
    expect(response.status).toBe(200);
    const { id_token: idToken } = (await response.json()) as { id_token: string };
    const [header, claims, signature] = idToken.split(".");
    const { keys } = (await (await running.control("/oidc/jwks")).json()) as { keys: JsonWebKey[] };
    const publicKey = createPublicKey({ key: keys[0] as JsonWebKey, format: "jwk" });
    const valid = createVerify("RSA-SHA256")
      .update(`${header}.${claims}`)
      .verify(publicKey, Buffer.from(signature ?? "", "base64url"));
    expect(valid).toBe(true);
    const payload = JSON.parse(Buffer.from(claims ?? "", "base64url").toString());
    expect(payload).toMatchObject({
      sweetspot_user_id: "usr_demo_alex",
      nonce: "n0nce",
      aud: SANDBOX_OIDC_CLIENT.id,
    });
  });

  it("refuses a wrong PKCE verifier, a wrong client secret and a reused code", async () => {
    expect(
      (await exchange(await authorize(), { code_verifier: "wrong-verifier-wrong-verifier-wrong-verifier" }))
        .status,
    ).toBe(400);
    expect((await exchange(await authorize(), { client_secret: "nope" })).status).toBe(401);
    const code = await authorize();
    expect((await exchange(code)).status).toBe(200);
    expect((await exchange(code)).status).toBe(400);
  });

  it("refuses to sign in anyone who is not a demo customer", async () => {
    const params = new URLSearchParams({
      client_id: SANDBOX_OIDC_CLIENT.id,
      redirect_uri: redirectUri,
      user: "usr_nobody",
    });
    expect((await running.control(`/oidc/authorize?${params}`, { redirect: "manual" })).status).toBe(400);
  });
});
