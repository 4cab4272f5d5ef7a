# syntax=docker/dockerfile:1

# --- build: bundle the server, build the content store, keep production dependencies only ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source against the image's own Node headers.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm ci
COPY scripts/build.mjs ./scripts/build.mjs
COPY src ./src
COPY migrations ./migrations
COPY seed ./seed
RUN npm run build \
 && STORE_PATH=/app/data/content.db npm run db:build \
 && npm prune --omit=dev

# --- runtime: slim Node 24 (active LTS), non-root, read-only friendly (the store is opened read-only) ---
FROM node:24-bookworm-slim
# MALLOC_MMAP_THRESHOLD_ (as in npm start): glibc hands answer-sized buffers (32 kB and more) their
# own pages and returns them when freed, instead of keeping them in a heap that cannot shrink.
# NODE_COMPILE_CACHE (as in npm start): where Node keeps the compiled bundle between starts.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    STORE_PATH=/app/data/content.db \
    STORE_AUTO_BUILD=false \
    MALLOC_MMAP_THRESHOLD_=32768 \
    NODE_COMPILE_CACHE=node_modules/.cache/node-compile-cache
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/data ./data
RUN mkdir -p node_modules/.cache/node-compile-cache && chown node:node node_modules/.cache/node-compile-cache
USER node
# The compile cache is written here, at build time: the server is started once, as user node and
# with the CMD's flags (Node keys the cache by both), and stopped when ready. Every start of the
# image then only reads it, so a read-only root file system is fine.
RUN node --max-semi-space-size=2 --heap-growing-percent=30 --initial-old-space-size=48 dist/server.mjs & server=$!; \
    for i in $(seq 150); do \
      node -e "fetch('http://127.0.0.1:3000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break; \
      sleep 0.2; \
    done; \
    kill -TERM $server && wait $server && test -n "$(ls -A node_modules/.cache/node-compile-cache)"
EXPOSE 3000
# SIGTERM drains (see README "Running at scale"); give the container at least
# SHUTDOWN_DRAIN_MS + SHUTDOWN_GRACE_MS to stop (docker stop -t, terminationGracePeriodSeconds).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A small young generation (2 MB semi-spaces) frees per-request buffers sooner, and an old
# generation that grows by 30 % at a time (V8 may otherwise double it under load) keeps the heap
# near what is live: resident memory stays far lower under load (see README). Its first 48 MB
# are allowed at once, so start-up does not pay for full collections at every 30 % step.
CMD ["node", "--max-semi-space-size=2", "--heap-growing-percent=30", "--initial-old-space-size=48", "dist/server.mjs"]
