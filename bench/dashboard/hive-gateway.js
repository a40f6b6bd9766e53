'use strict';
// The baseline: Hive Gateway (@graphql-hive/gateway-runtime) serving our checked-in supergraph
// against the same subgraph processes, in a process of its own. Subgraphs answer only requests
// signed by a gateway, so it signs each request's identity once, as ours does: a hub admin's, the
// identity our gateway gives the benchmark's API key (Hive has no API keys of ours to check).
// RESPONSE_CACHE=on turns on its response cache plugin (`responseCaching`, @graphql-mesh/plugin-response-cache)
// over an in-memory LRU store, shared by all callers, for at most RESPONSE_CACHE_TTL_MS (300000) or the
// subgraphs' Cache-Control max-age, whichever is less.
//   PORT=… SUBGRAPH_URLS='{"organizations":"http://…"}' GATEWAY_SECRET=… [RESPONSE_CACHE=on] node hive-gateway.js
const { createServer } = require('node:http');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const kit = require('@ngo-hub/kit');

const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? '{}');
const supergraph = readFileSync(process.env.SUPERGRAPH_PATH ?? join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8').replace(
  /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
  (whole, name) => (urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole),
);

/** The identity header our subgraphs require, signed once per request (kit.signIdentity, HS256). */
const IDENTITY = kit.callerIdentity ? kit.callerIdentity({ admin: true }) : undefined;
function signingPlugin(secret) {
  if (!secret || !IDENTITY) return {};
  const tokens = new WeakMap();
  return {
    onFetch({ context, options, setOptions }) {
      if (!context) return;
      let token = tokens.get(context);
      if (!token) tokens.set(context, (token = kit.signIdentity(IDENTITY, secret)));
      return token.then((value) => setOptions({ ...options, headers: { ...options.headers, [kit.IDENTITY_HEADER]: value } }));
    },
  };
}

async function main() {
  // the ES module build: the CommonJS one of @graphql-mesh/plugin-response-cache 0.107.2 reads
  // `require('cache-control-parser').default.parse`, undefined, and fails every subgraph fetch that
  // carries Cache-Control ("Cannot read properties of undefined (reading 'parse')")
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  const responseCaching = process.env.RESPONSE_CACHE === 'on';
  const cache = responseCaching ? new (await import('@graphql-mesh/cache-inmemory-lru')).default({ max: 10_000 }) : undefined;
  const gateway = createGatewayRuntime({
    supergraph,
    logging: 'error',
    graphiql: false,
    landingPage: false,
    ...(responseCaching ? { cache, responseCaching: { session: () => null, ttl: Number(process.env.RESPONSE_CACHE_TTL_MS ?? 300_000) } } : {}),
    plugins: () => [signingPlugin(process.env.GATEWAY_SECRET)],
  });

  const server = createServer((req, res) => {
    if (req.url === '/healthz') return void res.end('ok');
    gateway(req, res);
  });
  server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1');
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close(() => gateway.dispose().finally(() => process.exit(0))));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
