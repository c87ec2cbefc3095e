/**
 * Mints a signed sign-in link for a customer, for support staff and local testing:
 *
 *   npm run mint-link -- --user usr_123 [--checkout chk_456] [--image | --expired] [--ttl 7d] [--lang es] [--base-url https://portal.example.com]
 *
 * stdout gets only the link so it can be piped (e.g. into a clipboard tool); everything else goes to
 * stderr. Exit codes: 0 minted, 1 no usable secret, 2 bad arguments.
 */
import { mintLinkToken, mintStatusImageToken } from "../lib/auth/link-token";
import { LOCALE_NAMES } from "../lib/i18n/locales";
import { formatDuration } from "./lib/duration";
import {
  buildImageLink,
  buildLink,
  MINT_LINK_USAGE,
  parseMintLinkArgs,
  resolveLinkSecret,
  SANDBOX_SECRETS_PATH,
  tokenTimes,
} from "./lib/mint-link-cli";
import { readSandboxSecrets } from "./lib/sandbox-secrets";

function readSandboxLinkSecret(): string | null {
  try {
    return readSandboxSecrets()?.PORTAL_LINK_SECRET ?? null;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${SANDBOX_SECRETS_PATH} could not be read (${detail}); set PORTAL_LINK_SECRET instead.`);
  }
}

async function main(): Promise<number> {
  const parsed = parseMintLinkArgs(process.argv.slice(2), process.env);
  if (parsed.kind === "help") {
    console.log(MINT_LINK_USAGE);
    return 0;
  }
  if (parsed.kind === "usage_error") {
    console.error(`mint-link: ${parsed.message}\n\n${MINT_LINK_USAGE}`);
    return 2;
  }

  const secret = resolveLinkSecret(process.env, readSandboxLinkSecret);
  if (!secret.ok) {
    console.error(`mint-link: ${secret.message}`);
    return 1;
  }

  const { userId, checkoutId, ttlSeconds, baseUrl, image, expired, lang } = parsed.request;
  const { issuedAt: now, expiresAt } = tokenTimes(parsed.request, new Date());

  if (image && checkoutId) {
    const token = await mintStatusImageToken({
      userId,
      checkoutId,
      ttlSeconds,
      secret: secret.secret,
      now,
      lang,
    });
    process.stdout.write(`${buildImageLink(baseUrl, checkoutId, token)}\n`);
    console.error(
      `Status image of ${userId}, checkout ${checkoutId}; works until ${expiresAt.toISOString()} ` +
        `(in ${formatDuration(ttlSeconds)}). It shows that image only and cannot sign anyone in.`,
    );
    return 0;
  }

  const token = await mintLinkToken({ userId, checkoutId, ttlSeconds, secret: secret.secret, now, lang });
  process.stdout.write(`${buildLink(baseUrl, token)}\n`);
  const target = checkoutId ? `${userId}, checkout ${checkoutId}` : userId;
  const langNote = lang ? ` It opens the portal in ${LOCALE_NAMES[lang]} (${lang}).` : "";
  const secretNote =
    secret.source === "sandbox_file" ? ` Signed with the sandbox secret in ${SANDBOX_SECRETS_PATH}.` : "";
  const lifetime = expired
    ? `expired ${expiresAt.toISOString()} (an hour ago); for 30 days it can still ask for a new link.`
    : `expires ${expiresAt.toISOString()} (in ${formatDuration(ttlSeconds)}); anyone holding it can use it until then.`;
  console.error(`Link for ${target} ${lifetime}${langNote}${secretNote}`);
  return 0;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(`mint-link: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
