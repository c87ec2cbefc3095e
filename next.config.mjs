/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server (.next/standalone/server.js with only the files it needs) for `npm start`,
  // the Dockerfile and CI alike, so what is tested is what is deployed.
  output: "standalone",
  // Tests, the sandbox and scripts have their own tsconfig; Next type-checks only the app, except
  // under `npm test`, whose typecheck step has just checked the app and the tools and then sets
  // PORTAL_TYPES_CHECKED=1 for its build step (scripts/run-tests.ts): the same files, checked once.
  typescript: { tsconfigPath: "tsconfig.json", ignoreBuildErrors: process.env.PORTAL_TYPES_CHECKED === "1" },
  // Nothing uses next/image. Off, /_next/image answers 404 instead of fetching and resizing images
  // for whoever asks (CPU, and a server-side fetch an attacker chooses).
  images: { unoptimized: true },
  // With a proxy (proxy.ts) Next buffers every request body for the route, 10 MB by default. Our
  // posts are small forms, refused over 16 KB by lib/http/form-body.ts. Past its limit Next silently
  // cuts the body at the last whole chunk (up to 64 KB each), so the limit stays that much above
  // ours: a larger body is then still over 16 KB when the route reads it, and refused, never held whole.
  experimental: { proxyClientMaxBodySize: 256 * 1024 },
  // SWR's React 17 shim is dead weight on React 19: the browser bundle gets React's own hook instead.
  turbopack: {
    resolveAlias: {
      "use-sync-external-store/shim": { browser: "./lib/react/use-sync-external-store-shim.ts" },
    },
  },
  // The OpenTelemetry SDK, loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set, stays a plain Node
  // package: one copy of @opentelemetry/api shared with Next's own tracing, nothing for the bundler.
  serverExternalPackages: [
    "@opentelemetry/api",
    "@opentelemetry/exporter-metrics-otlp-http",
    "@opentelemetry/exporter-metrics-otlp-proto",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/exporter-trace-otlp-proto",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-metrics",
    "@opentelemetry/sdk-trace-node",
  ],
  async headers() {
    // Static assets skip proxy.ts; they still get the headers that do not need a nonce.
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
