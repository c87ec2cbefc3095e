import { probeApi } from "@/lib/sweetspot/probe";

/**
 * Liveness for load balancers and `npm start`: 200 whenever the portal can serve, plus whether the
 * Sweet Spot API answered a cheap probe. No secrets, no customer data.
 */
export async function GET() {
  const api = await probeApi();
  return Response.json({ status: "ok", api }, { headers: { "Cache-Control": "no-store" } });
}
