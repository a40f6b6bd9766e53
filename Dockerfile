# One image recipe for every workspace: docker build --build-arg WORKSPACE=subgraphs/funding .
FROM node:20-bookworm-slim AS build
WORKDIR /hub
COPY . .
RUN npm ci && npx turbo run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ARG WORKSPACE=gateway
ENV NODE_ENV=production WORKSPACE=${WORKSPACE}
WORKDIR /hub
COPY --from=build /hub /hub
USER node
# Subgraphs migrate (and seed on first start) before serving; the gateway just serves. Tracing is
# preloaded and starts when OTEL_EXPORTER_OTLP_ENDPOINT is set.
ENV NODE_OPTIONS="--require /hub/subgraphs/kit/dist/tracing/register.js"
CMD ["sh", "-c", "cd $WORKSPACE && if [ -f dist/src/main.js ]; then node dist/src/main.js prepare && exec node dist/src/main.js serve; else exec node dist/main.js; fi"]
