/**
 * The production entry: `.next/standalone/start.mjs`, bundled from this file by prepareStandalone
 * (scripts/lib/standalone.ts) beside Next's `server.js`; `npm start`, the Dockerfile and the tests run it.
 * Next's server listens and prints "Ready" before it runs instrumentation.ts, so a server started
 * directly would announce itself ready and then refuse a missing configuration. This checks the
 * configuration first, with the same rules and message (lib/config/stop-on-invalid-config.ts), and
 * only then loads the server.
 */
import { stopOnInvalidConfig } from "../lib/config/stop-on-invalid-config";

stopOnInvalidConfig();
await import(new URL("./server.js", import.meta.url).href);
