/**
 * The address the portal listens on (the sandbox always listens on 127.0.0.1, sandbox/main.ts). A sandbox is a developer's
 * machine: its data is fake, its sign-in has no password, and its control endpoints take no key, so
 * it listens on loopback only unless HOST says otherwise. A deployment listens everywhere (containers
 * need it); HOST overrides either.
 */
export function listenHost(env: Record<string, string | undefined>, sandboxMode: boolean): string {
  const host = env.HOST?.trim();
  if (host) return host;
  return sandboxMode ? "127.0.0.1" : "0.0.0.0";
}
