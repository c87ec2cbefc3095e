import { clientAddress } from "@/lib/security/client-address";
import { type LinkPageContext, linkRequestedResponse } from "./problem-page";

export type RenewalResponseDependencies = {
  requestFreshLink: (token: unknown, clientIp: string) => Promise<void>;
  /** TRUSTED_PROXY_COUNT: which X-Forwarded-For entry is the client (lib/security/client-address.ts). */
  trustedProxyCount: number;
  supportEmail: string;
  sandboxOutboxUrl: string | null;
};

/** The page never depends on the outcome: delivered, refused, limited or failed all read the same. */
export async function renewalResponse(
  request: Request,
  context: LinkPageContext,
  deps: RenewalResponseDependencies,
): Promise<Response> {
  let token: FormDataEntryValue | null = null;
  try {
    token = (await request.formData()).get("token");
  } catch {
    // Not a form: treated as a request without a token.
  }
  await deps.requestFreshLink(
    token,
    clientAddress(request.headers.get("x-forwarded-for"), deps.trustedProxyCount),
  );
  return linkRequestedResponse(context, deps);
}
