# syntax=docker/dockerfile:1
# TAG Portal: one image, three commands (docs/deployment.md).
#   docker build -t tag-portal .
#   docker run tag-portal web | worker | migrate
# Node 22 LTS on Debian 12 slim (Node 20 reached its end of life in April 2026; the code still runs on 20.19+).
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
# Sources are needed before `npm ci`: its postinstall generates the Prisma client from prisma/.
COPY . .
RUN npm ci --no-audit --no-fund
# next build (output: standalone) then scripts/ops/assemble.ts: static assets, the bundled worker
# and migrate step, prisma/ and the entry point in .next/standalone.
RUN npm run build
# The bill of materials of what runs (production dependencies), shipped inside the image.
RUN npm sbom --sbom-format cyclonedx --omit dev > .next/standalone/sbom.cdx.json

FROM ${NODE_IMAGE} AS runtime
# No package managers in the final image: nothing here installs anything at run time.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack /opt/yarn-* \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg \
 && groupadd --system --gid 10001 portal \
 && useradd --system --uid 10001 --gid portal --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin portal
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 WORKER_METRICS_PORT=9464
# Owned by root and not writable by the app user: the root file system can be mounted read-only.
# The only writable path needed is /tmp (Next.js's cache; an emptyDir in Kubernetes).
COPY --from=build --chown=root:root /src/.next/standalone /app
USER 10001:10001
EXPOSE 3000 9464
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["web"]
