# keepwarm in a container: the compiled JavaScript on Node 20, running as the unprivileged `node` user,
# with its library and config in the /data volume.
#
#   docker build -t keepwarm .
#   docker run -d --name keepwarm -v keepwarm-data:/data -p 8787:8787 \
#     -e KEEPWARM_ADMIN_TOKEN=... -e LOG_PASS=... keepwarm
#
# keepwarm runs in /data, so it finds /data/keepwarm.config.json on its own (README: "Running in Docker").
# The admin server listens on 127.0.0.1:8787 unless the config says otherwise, and keepwarm refuses to
# listen beyond loopback without an admin token; to publish the port, the config needs
#   "admin": { "listen": "0.0.0.0:8787", "token": "${KEEPWARM_ADMIN_TOKEN}" }
# Without a config file keepwarm still starts on the built-in defaults (the library at
# /data/data/keepwarm.db, no mailboxes, admin on loopback only).

# --- build: compile TypeScript and the native SQLite binding, then drop the dev dependencies ---
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first: this layer is rebuilt only when package.json or the lockfile change.
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY migrations ./migrations
COPY templates ./templates
COPY src ./src
RUN npm run build && npm prune --omit=dev

# --- runtime: only what `keepwarm start` needs ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
# Digest templates are read at run time (migrations are compiled into dist/).
COPY --from=build /app/templates ./templates
# `docker exec keepwarm keepwarm candidates list` runs the CLI against the same config and library.
RUN ln -s /app/bin/keepwarm.js /usr/local/bin/keepwarm \
 && mkdir -p /data && chown node:node /data
USER node
WORKDIR /data
VOLUME /data
EXPOSE 8787
# /healthz answers once the library is open; override the URL when admin.listen uses another port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(process.env.KEEPWARM_HEALTHCHECK_URL || 'http://127.0.0.1:8787/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "/app/dist/src/cli/run.js", "start"]
