# One image recipe for every workspace: docker build --build-arg WORKSPACE=subgraphs/funding .
# The Node major is the one CI tests on (.ci/run, `engines` in package.json). No Docker engine runs
# on the hub's machines: test/operations-production-install.test.ts runs this file's RUN steps on a
# copy of the build context (filtered by .dockerignore), then each CMD with compose's environment.
FROM node:24-bookworm-slim AS build
WORKDIR /hub
COPY . .
# Installs what the gateway and the subgraphs it starts need (with the root's build tools), not the
# tests', benchmarks' or example client's packages: about half of the full tree, and as much less
# to unpack. Then builds those workspaces only, and drops what they need only to build.
RUN npm ci --include-workspace-root --workspace=gateway && npx turbo run build --filter=@ngo-hub/gateway... && npm prune --omit=dev

FROM node:24-bookworm-slim
ARG WORKSPACE=gateway
ENV NODE_ENV=production WORKSPACE=${WORKSPACE}
WORKDIR /hub
COPY --from=build /hub /hub
USER node
# Tracing is preloaded and starts when OTEL_EXPORTER_OTLP_ENDPOINT is set.
ENV NODE_OPTIONS="--require /hub/subgraphs/kit/dist/tracing/register.js"
# Serves only: migrations (and the demo seed, when asked) are docker-compose.yml's one-shot
# `migrate` job (`node gateway/dist/hub/migrate.js`), never a side effect of a server starting.
CMD ["sh", "-c", "cd $WORKSPACE && if [ -f dist/src/main.js ]; then exec node dist/src/main.js serve; else exec node dist/main.js; fi"]
