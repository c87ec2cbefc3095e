import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";

const demoCustomersSchema = z.array(
  z.object({
    id: z.string().regex(/^usr_[A-Za-z0-9_]+$/),
    name: z.string(),
    description: z.string(),
  }),
);

export type DemoCustomer = z.output<typeof demoCustomersSchema>[number];

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
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
