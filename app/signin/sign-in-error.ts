/**
 * What the sign-in page says for its `?error=` value: next-auth's codes (OAuthSignin, OAuthCallback,
 * AccessDenied, Configuration, …) and the portal's own RateLimited (app/api/auth), each to the message
 * that tells the customer what to do. Unknown or repeated values get the general message: the query
 * string is the visitor's to edit, so it only ever picks one of ours.
 */
type SignInErrorMessage = "default" | "rateLimited" | "accessDenied" | "unavailable" | "sessionRequired";

const MESSAGE_FOR_CODE: Readonly<Record<string, SignInErrorMessage>> = {
  RateLimited: "rateLimited",
  AccessDenied: "accessDenied",
  // The identity provider is misconfigured or unreachable: retrying soon will not help, the email link will.
  Configuration: "unavailable",
  OAuthSignin: "unavailable",
  SessionRequired: "sessionRequired",
};

/** The message for `error`, or null when the page was not sent back with an error. */
export function signInErrorMessage(error: string | string[] | undefined): SignInErrorMessage | null {
  if (error === undefined) return null;
  if (typeof error !== "string") return "default";
  return Object.hasOwn(MESSAGE_FOR_CODE, error) ? (MESSAGE_FOR_CODE[error] ?? "default") : "default";
}
