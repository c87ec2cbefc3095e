import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { USER_ID_PATTERN } from "./ids";

const demoCustomerSchema = z.object({
  id: z.string().regex(USER_ID_PATTERN),
  name: z.string(),
  description: z.string(),
});
const demoCustomersSchema = z.object({ customers: z.array(demoCustomerSchema) });

export type DemoCustomer = z.output<typeof demoCustomerSchema>;

/**
 * The embedded sandbox's demo customers, for one-click sign-in. Empty — and never fetched — unless
 * the portal runs against the sandbox: with SWEETSPOT_API_URL set there is no way to bring it back.
 */
export async function getDemoCustomers(): Promise<DemoCustomer[]> {
  const config = env();
  if (!config.sandboxMode) return [];
  try {
    const response = await fetch(`${config.sweetspotApiUrl}/__sandbox/customers`, {
      cache: "no-store",
      signal: AbortSignal.timeout(config.sweetspotTimeoutMs),
    });
    if (!response.ok) return [];
    const parsed = demoCustomersSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.customers : [];
  } catch {
    return [];
  }
}
