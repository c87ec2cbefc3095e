import { z } from "zod";

/**
 * The portal's configuration, as environment variables. Pure (no `server-only`) so the launcher
 * script can validate the same rules before it starts anything; the app reads it through lib/env.ts.
 */

/** The key the embedded sandbox accepts when SWEETSPOT_API_KEY is unset. Documented in docs/configuration.md. */
export const SANDBOX_DEV_API_KEY = "sk_sandbox_dev_key";
export const DEFAULT_SANDBOX_PORT = 4010;
/**
 * Calls per second the deployment may make on the organization's key. The default leaves the API's
 * rate limit room for the organization's own checkout flows (docs/deployment.md says how to choose).
 */
export const DEFAULT_API_BUDGET = 20;
export const MIN_SECRET_LENGTH = 32;
/** The longest SESSION_LIFETIME_DAYS accepted; customer revocations must outlive such a session. */
export const MAX_SESSION_LIFETIME_DAYS = 30;

/** A variable's text, trimmed; empty reads as unset, so a variable's `.default()` applies to it too. */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** Used exactly as given: a secret's spaces are part of it, as they are for every other minter. */
const exactText = z
  .string()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const secret = z
  .string()
  .min(
    MIN_SECRET_LENGTH,
    `must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`)`,
  );

const wholeNumber = (min: number, max: number) =>
  z.coerce.number<string | undefined>().int().min(min).max(max);

const port = wholeNumber(1, 65535);

/** The default of a setting the config carries as "not configured". */
const unsetAsNull = <T>(value: T | undefined): T | null => value ?? null;

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
  .transform((value) => value.replace(/\/+$/, ""));

/** The shared store (lib/store); unset means an in-process store, correct for one instance only. */
export const redisUrlSchema = z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" });

/**
 * Each variable on its own, so one bad value never hides the next (every problem is reported at
 * once), with its default when it has one. Those without a default depend on other variables
 * (the mode, a pair that goes together) and are settled by parsePortalConfig.
 */
const variableSchemas = {
  SWEETSPOT_SANDBOX: optionalText
    .pipe(
      z
        .enum(["1", "true", "0", "false"], {
          error: "must be 1 (or true) to run against the sandbox, or unset",
        })
        .default("0"),
    )
    .transform((value) => value === "1" || value === "true"),
  SWEETSPOT_API_URL: optionalText.pipe(httpUrl.optional()),
  SWEETSPOT_API_KEY: optionalText,
  SWEETSPOT_AUTH_HEADER: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "must be an HTTP header name")
      .default("Authorization"),
  ),
  SWEETSPOT_TIMEOUT_MS: optionalText.pipe(wholeNumber(1, 120_000).default(5000)),
  SWEETSPOT_DEADLINE_MS: optionalText.pipe(wholeNumber(500, 120_000).default(4000)),
  SWEETSPOT_BREAKER_FAILURES: optionalText.pipe(wholeNumber(1, 1000).default(5)),
  SWEETSPOT_BREAKER_COOLDOWN_MS: optionalText.pipe(wholeNumber(100, 600_000).default(10_000)),
  SWEETSPOT_API_BUDGET: optionalText
    .pipe(
      z
        .union([z.enum(["off"]), z.coerce.number<string>().int().min(0).max(100_000)], {
          error: "must be a whole number of API calls per second for the whole deployment, or off (0 is off)",
        })
        .default(DEFAULT_API_BUDGET),
    )
    .transform((budget) => (budget === "off" || budget === 0 ? null : budget)),
  SANDBOX_PORT: optionalText.pipe(port.default(DEFAULT_SANDBOX_PORT)),
  NEXTAUTH_SECRET: optionalText.pipe(secret.optional()),
  PORTAL_LINK_SECRET: exactText.pipe(secret.optional()),
  SESSION_LIFETIME_DAYS: optionalText.pipe(wholeNumber(1, MAX_SESSION_LIFETIME_DAYS).default(14)),
  NEXTAUTH_URL: optionalText.pipe(httpUrl.optional()).transform(unsetAsNull),
  OIDC_ISSUER: optionalText.pipe(httpUrl.optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_USER_ID_CLAIM: optionalText.pipe(z.string().default("sweetspot_user_id")),
  SUPPORT_EMAIL: optionalText.pipe(z.email("must be an email address").default("support@thesweetspot.com")),
  // A number a phone can dial: digits with spaces, dots, dashes or brackets, an optional leading +.
  SUPPORT_PHONE: optionalText
    .pipe(
      z
        .string()
        .regex(/^\+?[0-9][0-9 ().-]{5,24}$/, "must be a phone number (digits, spaces, - . ( ), leading +)")
        .optional(),
    )
    .transform(unsetAsNull),
  // Shown to customers as a link: https only.
  SUPPORT_URL: optionalText
    .pipe(z.url({ protocol: /^https$/, error: "must be an absolute https URL" }).optional())
    .transform(unsetAsNull),
  REDIS_URL: optionalText.pipe(redisUrlSchema.optional()).transform(unsetAsNull),
  // Used exactly as written (no trailing-slash trimming): the receiver's path is the operator's business.
  NOTIFY_WEBHOOK_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).optional(),
  ),
  NOTIFY_WEBHOOK_SECRET: exactText.pipe(secret.optional()),
  TRUSTED_PROXY_COUNT: optionalText.pipe(
    z.coerce
      .number<string | undefined>()
      .int("must be a whole number of proxies (0 when nothing stands in front of the portal)")
      .min(0)
      .max(10)
      .default(0),
  ),
  LOG_LEVEL: optionalText.pipe(
    z
      .enum(["info", "warn"], {
        error: "must be info (a line per API call) or warn (only retries, failures and skipped records)",
      })
      .optional(),
  ),
} as const;

type VariableName = keyof typeof variableSchemas;
type RawConfig = { [Name in VariableName]: z.output<(typeof variableSchemas)[Name]> };

/** Parses every variable; a malformed one becomes a problem and reads as unset afterwards. */
function parseVariables(env: Env, problems: string[]): { raw: RawConfig; malformed: Set<VariableName> } {
  const raw: Partial<Record<VariableName, unknown>> = {};
  const malformed = new Set<VariableName>();
  for (const name of Object.keys(variableSchemas) as VariableName[]) {
    const parsed = variableSchemas[name].safeParse(env[name]);
    if (parsed.success) {
      raw[name] = parsed.data;
    } else {
      malformed.add(name);
      for (const issue of parsed.error.issues) problems.push(`${name}: ${issue.message}`);
    }
  }
  return { raw: raw as RawConfig, malformed };
}

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  userIdClaim: string;
};

export type PortalConfig = {
  /** True only when chosen (SWEETSPOT_SANDBOX=1, set by `npm start`): the portal talks to the embedded sandbox. */
  sandboxMode: boolean;
  sweetspotApiUrl: string;
  sweetspotApiKey: string;
  /** `Authorization` sends `Bearer <key>`; any other header carries the bare key. */
  sweetspotAuthHeader: string;
  sweetspotTimeoutMs: number;
  /** The total one page read may spend on the API, retries included (SWEETSPOT_DEADLINE_MS). */
  sweetspotDeadlineMs: number;
  /** Consecutive failed calls that open the circuit breaker, and its cool-down (SWEETSPOT_BREAKER_*). */
  sweetspotBreaker: { failureThreshold: number; cooldownMs: number };
  /**
   * SWEETSPOT_API_BUDGET: upstream calls per second for the whole deployment (default
   * DEFAULT_API_BUDGET), shared through the store; null when switched off (`off` or 0).
   */
  sweetspotApiBudget: number | null;
  authSecret: string;
  linkSecret: string;
  /** Secrets that were generated for this process because sandbox mode allowed it. */
  generatedSecrets: string[];
  oidc: OidcConfig | null;
  supportEmail: string;
  /** SUPPORT_PHONE and SUPPORT_URL: more ways to reach support, shown beside the email when set. */
  supportPhone: string | null;
  supportUrl: string | null;
  /** How long a session lasts from sign-in, whatever the customer does (SESSION_LIFETIME_DAYS). */
  sessionLifetimeSeconds: number;
  /** The portal's public URL (NEXTAUTH_URL), when configured. */
  publicUrl: string | null;
  /** REDIS_URL: the shared store for several instances; null means in-process (one instance). */
  redisUrl: string | null;
  /**
   * The operator's notification webhook (NOTIFY_WEBHOOK_URL, NOTIFY_WEBHOOK_SECRET): where "Email me
   * a new link" goes (docs/notifications.md). Null: expired links only point to support.
   */
  notifyWebhook: NotifyWebhookConfig | null;
  /**
   * TRUSTED_PROXY_COUNT: how many proxies in front of the portal append to
   * X-Forwarded-For; the client address is read that many entries from the right (lib/security/client-address.ts).
   */
  trustedProxyCount: number;
  /**
   * LOG_LEVEL: `info` logs every API call, `warn` only retries, failures and skipped records. The
   * default is `warn` in sandbox mode, so `npm start`'s sign-in instructions stay on screen, and `info`
   * against the real API, where a log collector reads the lines.
   */
  logLevel: LogLevel;
};

export type LogLevel = "info" | "warn";

export type NotifyWebhookConfig = { url: string; secret: string };

export type ConfigResult = { ok: true; config: PortalConfig } | { ok: false; problems: string[] };

type Env = Record<string, string | undefined>;

/** What to write instead, for every start that is neither sandbox nor real API. */
export const MISSING_API_URL_PROBLEM =
  "SWEETSPOT_API_URL: required: the Sweet Spot API's base URL, e.g. https://api.thesweetspot.com " +
  "(to run against the embedded sandbox instead, use `npm start`, or set SWEETSPOT_SANDBOX=1)";

/**
 * Validates the environment and names every problem at once. Sandbox mode only when chosen
 * (SWEETSPOT_SANDBOX=1, which `npm start` sets); then missing secrets come from `generateSecret`.
 */
export function parsePortalConfig(env: Env, generateSecret: () => string): ConfigResult {
  const problems: string[] = [];
  const { raw, malformed } = parseVariables(env, problems);
  const apiUrlGiven = raw.SWEETSPOT_API_URL !== undefined || malformed.has("SWEETSPOT_API_URL");
  if (raw.SWEETSPOT_SANDBOX && apiUrlGiven) {
    problems.push(
      "SWEETSPOT_SANDBOX, SWEETSPOT_API_URL: set one, not both (SWEETSPOT_SANDBOX=1 runs against the " +
        "embedded sandbox; SWEETSPOT_API_URL points the portal at the real API)",
    );
  } else if (!raw.SWEETSPOT_SANDBOX && !apiUrlGiven) {
    problems.push(MISSING_API_URL_PROBLEM);
  }
  const sandboxMode = raw.SWEETSPOT_SANDBOX && !apiUrlGiven;
  const credentials = requiredCredentials(raw, malformed, sandboxMode ? generateSecret : null, problems);
  problems.push(...crossVariableProblems(raw, malformed, sandboxMode));
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    config: {
      sandboxMode,
      sweetspotApiUrl: raw.SWEETSPOT_API_URL ?? `http://127.0.0.1:${raw.SANDBOX_PORT}`,
      ...credentials,
      sweetspotAuthHeader: raw.SWEETSPOT_AUTH_HEADER,
      sweetspotTimeoutMs: raw.SWEETSPOT_TIMEOUT_MS,
      sweetspotDeadlineMs: raw.SWEETSPOT_DEADLINE_MS,
      sweetspotBreaker: {
        failureThreshold: raw.SWEETSPOT_BREAKER_FAILURES,
        cooldownMs: raw.SWEETSPOT_BREAKER_COOLDOWN_MS,
      },
      oidc:
        raw.OIDC_ISSUER && raw.OIDC_CLIENT_ID && raw.OIDC_CLIENT_SECRET
          ? {
              issuer: raw.OIDC_ISSUER,
              clientId: raw.OIDC_CLIENT_ID,
              clientSecret: raw.OIDC_CLIENT_SECRET,
              userIdClaim: raw.OIDC_USER_ID_CLAIM,
            }
          : null,
      supportEmail: raw.SUPPORT_EMAIL,
      supportPhone: raw.SUPPORT_PHONE,
      supportUrl: raw.SUPPORT_URL,
      sessionLifetimeSeconds: raw.SESSION_LIFETIME_DAYS * 24 * 60 * 60,
      publicUrl: raw.NEXTAUTH_URL,
      redisUrl: raw.REDIS_URL,
      notifyWebhook:
        raw.NOTIFY_WEBHOOK_URL !== undefined && raw.NOTIFY_WEBHOOK_SECRET !== undefined
          ? { url: raw.NOTIFY_WEBHOOK_URL, secret: raw.NOTIFY_WEBHOOK_SECRET }
          : null,
      trustedProxyCount: raw.TRUSTED_PROXY_COUNT,
      sweetspotApiBudget: raw.SWEETSPOT_API_BUDGET,
      logLevel: raw.LOG_LEVEL ?? (sandboxMode ? "warn" : "info"),
    },
  };
}

/**
 * The API key and both secrets: a real API needs all three; in sandbox mode (`generateSecret` given)
 * the key is the sandbox's and missing secrets are made up for this process.
 */
function requiredCredentials(
  raw: RawConfig,
  malformed: Set<VariableName>,
  generateSecret: (() => string) | null,
  problems: string[],
): Pick<PortalConfig, "sweetspotApiKey" | "authSecret" | "linkSecret" | "generatedSecrets"> {
  const generatedSecrets: string[] = [];
  const required = (name: "SWEETSPOT_API_KEY" | "NEXTAUTH_SECRET" | "PORTAL_LINK_SECRET") => {
    const value = raw[name];
    if (value !== undefined) return value;
    if (malformed.has(name)) return "";
    if (!generateSecret) {
      problems.push(`${name}: required when the portal runs against the real API`);
      return "";
    }
    if (name === "SWEETSPOT_API_KEY") return SANDBOX_DEV_API_KEY;
    generatedSecrets.push(name);
    return generateSecret();
  };
  return {
    sweetspotApiKey: required("SWEETSPOT_API_KEY"),
    authSecret: required("NEXTAUTH_SECRET"),
    linkSecret: required("PORTAL_LINK_SECRET"),
    generatedSecrets,
  };
}

/** The rules between variables: URLs that must be https, secrets that must differ, settings that go together. */
function crossVariableProblems(raw: RawConfig, malformed: Set<VariableName>, sandboxMode: boolean): string[] {
  const problems: string[] = [];
  if (raw.SWEETSPOT_API_URL !== undefined) problems.push(...apiUrlProblems(raw.SWEETSPOT_API_URL));
  if (raw.OIDC_ISSUER !== undefined && !isHttpsOrLoopback(raw.OIDC_ISSUER)) {
    problems.push("OIDC_ISSUER: must be https:// (plain http only on this machine: localhost, 127.0.0.1)");
  }
  if (raw.NEXTAUTH_SECRET !== undefined && raw.NEXTAUTH_SECRET === raw.PORTAL_LINK_SECRET) {
    problems.push("PORTAL_LINK_SECRET: must differ from NEXTAUTH_SECRET");
  }
  // Session cookies are Secure only when the public URL says https: a deployment must say where it lives.
  if (!sandboxMode && !malformed.has("NEXTAUTH_URL")) {
    if (raw.NEXTAUTH_URL === null) {
      problems.push(
        "NEXTAUTH_URL: required when the portal runs against the real API (the portal's public https URL)",
      );
    } else if (!isHttpsOrLoopback(raw.NEXTAUTH_URL)) {
      problems.push("NEXTAUTH_URL: must be https:// (plain http only on this machine: localhost, 127.0.0.1)");
    }
  }
  const oidcGiven = [raw.OIDC_ISSUER, raw.OIDC_CLIENT_ID, raw.OIDC_CLIENT_SECRET].filter(
    (part) => part !== undefined,
  ).length;
  if (oidcGiven > 0 && oidcGiven < 3 && !malformed.has("OIDC_ISSUER")) {
    problems.push(
      "OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three to enable OpenID Connect, or none",
    );
  }
  if (raw.NOTIFY_WEBHOOK_URL !== undefined) {
    problems.push(...webhookUrlProblems(raw.NOTIFY_WEBHOOK_URL));
    if (raw.NOTIFY_WEBHOOK_SECRET === undefined && !malformed.has("NOTIFY_WEBHOOK_SECRET")) {
      problems.push(
        "NOTIFY_WEBHOOK_SECRET: required when NOTIFY_WEBHOOK_URL is set (the receiver checks the " +
          "signature with it; e.g. `openssl rand -base64 32`)",
      );
    }
  }
  const webhookSecret = raw.NOTIFY_WEBHOOK_SECRET;
  if (webhookSecret !== undefined && [raw.PORTAL_LINK_SECRET, raw.NEXTAUTH_SECRET].includes(webhookSecret)) {
    problems.push("NOTIFY_WEBHOOK_SECRET: must differ from NEXTAUTH_SECRET and PORTAL_LINK_SECRET");
  }
  return problems;
}

/**
 * The API URL is the base the portal appends `/v1/checkouts` to (trailing slashes are dropped):
 * one ending in `/v1` would ask for `/v1/v1/…`, so it is refused with the value to write instead.
 */
function apiUrlProblems(apiUrl: string): string[] {
  const url = new URL(apiUrl);
  const problems: string[] = [];
  if (url.username || url.password || url.search || url.hash) {
    problems.push(
      "SWEETSPOT_API_URL: must be a plain base URL, with no credentials, query or fragment " +
        "(the key goes in SWEETSPOT_API_KEY)",
    );
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (/\/v1$/i.test(path)) {
    problems.push(
      `SWEETSPOT_API_URL: leave out the trailing /v1 (the portal adds it): write ${url.origin}${path.slice(0, -3)}`,
    );
  }
  if (!isHttpsOrLoopback(apiUrl)) {
    problems.push(
      "SWEETSPOT_API_URL: must be https:// (plain http only on this machine: localhost, 127.0.0.1)",
    );
  }
  return problems;
}

/** The webhook receives fresh sign-in links: never over plain http across a network, never with credentials in it. */
function webhookUrlProblems(webhookUrl: string): string[] {
  const url = new URL(webhookUrl);
  const problems: string[] = [];
  if (url.username || url.password) {
    problems.push(
      "NOTIFY_WEBHOOK_URL: must not contain credentials (the signature authenticates the portal)",
    );
  }
  if (!isHttpsOrLoopback(webhookUrl)) {
    problems.push(
      "NOTIFY_WEBHOOK_URL: must be https:// (plain http only on this machine: localhost, 127.0.0.1)",
    );
  }
  return problems;
}

/** https anywhere; plain http only to this machine, where nothing crosses a network. */
function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "https:") return true;
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export function formatConfigProblems(problems: string[]): string {
  return ["The portal cannot start: its configuration is invalid.", ...problems.map((p) => `  - ${p}`)].join(
    "\n",
  );
}
