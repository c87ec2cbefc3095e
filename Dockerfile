# syntax=docker/dockerfile:1
# The portal as a container: Next's standalone server, run as an unprivileged user. It needs the
# real API's configuration at run time (docs/deployment.md): without SWEETSPOT_API_URL it refuses to
# start; the sandbox is not in the image.
#   docker build -t sweetspot-portal .
#   docker run -p 3000:3000 -e SWEETSPOT_API_URL=… -e SWEETSPOT_API_KEY=… \
#     -e NEXTAUTH_SECRET=… -e PORTAL_LINK_SECRET=… -e NEXTAUTH_URL=https://… sweetspot-portal

# The Node line the project is tested on (package.json engines: >= 20.19).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Dev dependencies too: the build needs TypeScript, tsx and esbuild. They stay in this stage.
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# next build, then the browser assets and start.mjs beside server.js (scripts/lib/standalone.ts).
RUN npm run build

FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    # A fixed heap limit keeps RSS near 250 MB under load (README, "Performance"); size with the container.
    NODE_OPTIONS=--max-old-space-size=192 \
    # Docker sets HOSTNAME to the container id; the server must listen on every interface.
    HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 portal \
 && useradd --system --uid 1001 --gid portal --no-create-home --shell /usr/sbin/nologin portal
# server.js with the traced node_modules it needs, the browser assets it serves itself and start.mjs.
# Owned by root: the server only reads them.
COPY --from=build /app/.next/standalone ./
# The one place Next may write at run time (its caches); everything else stays read-only.
RUN mkdir -p .next/cache && chown portal:portal .next/cache
USER portal
EXPOSE 3000
# Liveness: /api/health answers 200, or 503 while the API is down or refuses the key (load balancers
# use that for readiness). Both mean the server itself is alive: restarting it would not fix the API.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.status === 200 || r.status === 503 ? 0 : 1), () => process.exit(1))"]
# On SIGTERM the server stops accepting connections, finishes requests in flight, then exits.
STOPSIGNAL SIGTERM
# start.mjs refuses a missing or invalid configuration (exit 1, one message) before server.js listens.
CMD ["node", "start.mjs"]
