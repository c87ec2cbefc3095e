import { createHmac } from "node:crypto";
import { E2E_SECRETS } from "./environment";

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/**
 * Builds a token by hand, the way a careless or hostile minter might, to prove the portal refuses
 * what lib/auth/link-token.ts would never mint.
 */
export function craftToken(
  claims: Record<string, unknown>,
  {
    header = { alg: "HS256", typ: "JWT" },
    secret = E2E_SECRETS.PORTAL_LINK_SECRET,
    signature,
  }: {
    header?: Record<string, unknown>;
    secret?: string;
    signature?: string;
  } = {},
): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signed = signature ?? createHmac("sha256", secret).update(input).digest("base64url");
  return `${input}.${signed}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
