import {
  createHash,
  createSign,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendError, sendJson } from "./http";
import type { Route } from "./router";
import { DEMO_CUSTOMERS } from "./scenarios";

/**
 * A minimal OpenID Connect issuer at /__sandbox/oidc, so the portal's OIDC sign-in can be tried and
 * tested end to end without a real identity provider: discovery, an authorize page that lists the
 * demo customers, the token endpoint (authorization code + PKCE S256), JWKS and userinfo. ID tokens
 * are RS256-signed and carry the customer's id in `sweetspot_user_id`. Sandbox only, of course.
 */

export const SANDBOX_OIDC_CLIENT = { id: "checkout-portal", secret: "sandbox-oidc-client-secret" } as const;
const SANDBOX_OIDC_USER_ID_CLAIM = "sweetspot_user_id";
const PREFIX = "/__sandbox/oidc";
const CODE_TTL_MS = 60_000;
const TOKEN_TTL_SECONDS = 300;

type PendingCode = {
  userId: string;
  clientId: string;
  redirectUri: string;
  nonce: string | null;
  codeChallenge: string | null;
  expiresAt: number;
};

const b64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

function issuerOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? "127.0.0.1"}${PREFIX}`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Client credentials from HTTP Basic or the form body (both are standard). */
function clientCredentials(
  req: IncomingMessage,
  form: URLSearchParams,
): { id: string; secret: string } | null {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent);
    return id !== undefined && secret !== undefined ? { id, secret } : null;
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : null;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function oidcRoutes(): Route[] {
  // Made on first use: most sandboxes (and tests) never sign anyone in this way.
  let signingKey: { privateKey: KeyObject; jwk: Record<string, unknown>; kid: string } | undefined;
  function key() {
    if (!signingKey) {
      const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      const kid = randomUUID();
      signingKey = {
        privateKey,
        kid,
        jwk: { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" },
      };
    }
    return signingKey;
  }
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, string>();

  function signIdToken(claims: Record<string, unknown>): string {
    const { kid, privateKey } = key();
    const input = `${b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(createSign("RSA-SHA256").update(input).sign(privateKey))}`;
  }

  function authorizeRedirect(res: ServerResponse, url: URL): void {
    const redirectUri = url.searchParams.get("redirect_uri");
    const userId = url.searchParams.get("user");
    const customer = Object.values(DEMO_CUSTOMERS).find((candidate) => candidate.id === userId);
    if (!redirectUri || !customer || url.searchParams.get("client_id") !== SANDBOX_OIDC_CLIENT.id) {
      sendError(res, 400, "invalid_request", "client_id, redirect_uri and a demo customer are required.");
      return;
    }
    const code = b64url(randomBytes(24));
    codes.set(code, {
      userId: customer.id,
      clientId: SANDBOX_OIDC_CLIENT.id,
      redirectUri,
      nonce: url.searchParams.get("nonce"),
      codeChallenge: url.searchParams.get("code_challenge"),
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    const state = url.searchParams.get("state");
    if (state) target.searchParams.set("state", state);
    res.writeHead(302, { Location: target.toString(), "Cache-Control": "no-store" });
    res.end();
  }

  return [
    {
      pattern: /^\/__sandbox\/oidc\/\.well-known\/openid-configuration$/,
      methods: {
        get: ({ req, res }) => {
          const issuer = issuerOf(req);
          sendJson(res, 200, {
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: `${issuer}/token`,
            userinfo_endpoint: `${issuer}/userinfo`,
            jwks_uri: `${issuer}/jwks`,
            response_types_supported: ["code"],
            grant_types_supported: ["authorization_code"],
            subject_types_supported: ["public"],
            id_token_signing_alg_values_supported: ["RS256"],
            code_challenge_methods_supported: ["S256"],
            scopes_supported: ["openid"],
            token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
            claims_supported: ["sub", SANDBOX_OIDC_USER_ID_CLAIM],
          });
        },
      },
    },
    {
      pattern: /^\/__sandbox\/oidc\/jwks$/,
      methods: { get: ({ res }) => sendJson(res, 200, { keys: [key().jwk] }) },
    },
    {
      // The "identity provider's" sign-in page: pick a demo customer.
      pattern: /^\/__sandbox\/oidc\/authorize$/,
      methods: {
        get: ({ res, url }) => {
          if (url.searchParams.has("user")) {
            authorizeRedirect(res, url);
            return;
          }
          const links = Object.values(DEMO_CUSTOMERS)
            .map((customer) => {
              const approve = new URL(url.toString());
              approve.searchParams.set("user", customer.id);
              return `<li><a href="${escapeHtml(approve.pathname + approve.search)}">Continue as ${escapeHtml(customer.name)}</a></li>`;
            })
            .join("");
          const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox identity provider</title></head><body><main><h1>Sandbox identity provider</h1><ul>${links}</ul></main></body></html>`;
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
          res.end(html);
        },
      },
    },
    {
      pattern: /^\/__sandbox\/oidc\/token$/,
      methods: {
        post: async ({ req, res }) => {
          const form = await readForm(req);
          const client = clientCredentials(req, form);
          if (
            !client ||
            client.id !== SANDBOX_OIDC_CLIENT.id ||
            !sameSecret(client.secret, SANDBOX_OIDC_CLIENT.secret)
          ) {
            sendJson(res, 401, { error: "invalid_client" });
            return;
          }
          const code = form.get("code") ?? "";
          const pending = codes.get(code);
          codes.delete(code); // one use only
          const verifier = form.get("code_verifier");
          const challengeMatches =
            pending?.codeChallenge == null ||
            (verifier !== null &&
              b64url(createHash("sha256").update(verifier).digest()) === pending.codeChallenge);
          if (
            form.get("grant_type") !== "authorization_code" ||
            !pending ||
            pending.expiresAt < Date.now() ||
            pending.redirectUri !== form.get("redirect_uri") ||
            !challengeMatches
          ) {
            sendJson(res, 400, { error: "invalid_grant" });
            return;
          }
          const now = Math.floor(Date.now() / 1000);
          const accessToken = b64url(randomBytes(24));
          accessTokens.set(accessToken, pending.userId);
          sendJson(res, 200, {
            access_token: accessToken,
            token_type: "Bearer",
            expires_in: TOKEN_TTL_SECONDS,
            id_token: signIdToken({
              iss: issuerOf(req),
              aud: pending.clientId,
              sub: `sandbox-${pending.userId}`,
              [SANDBOX_OIDC_USER_ID_CLAIM]: pending.userId,
              iat: now,
              exp: now + TOKEN_TTL_SECONDS,
              ...(pending.nonce ? { nonce: pending.nonce } : {}),
            }),
          });
        },
      },
    },
    {
      pattern: /^\/__sandbox\/oidc\/userinfo$/,
      methods: {
        get: ({ req, res }) => {
          const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
          const userId = accessTokens.get(token);
          if (!userId) {
            sendJson(res, 401, { error: "invalid_token" });
            return;
          }
          sendJson(res, 200, { sub: `sandbox-${userId}`, [SANDBOX_OIDC_USER_ID_CLAIM]: userId });
        },
      },
    },
  ];
}
