/**
 * Runs once when a portal server starts: a bad configuration stops it here, with one message naming
 * every bad variable, rather than on the first customer's request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { stopOnInvalidConfig } = await import("./lib/config/stop-on-invalid-config");
  stopOnInvalidConfig();
}
