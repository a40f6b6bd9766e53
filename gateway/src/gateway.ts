import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import {
  answerReadiness,
  createLogger,
  DEVELOPMENT_JWT_SECRET,
  graphqlHandler,
  IdentitySigner,
  maskUnexpectedErrors,
  metrics,
  metricsPlugin,
  requestGuards,
  requestIdOf,
  sendError,
  type Identity,
  type Logger,
} from '@ngo-hub/kit/common';
import { print, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthentication } from './auth/identify';
import { refreshRightsAfterWrites } from './auth/own-writes';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { serveDashboard } from './dashboard/serve';
import { serveGraphiql } from './graphiql/serve';
import { compressResponses } from './http/compression';
import { corsHandler } from './http/cors';
import { csvExports } from './exports/csv-export';
import { CostModel } from './limits/demand-cost';
import { hubLimits } from './limits/hub-limits';
import { memoryAnswers, redisAnswers, ResponseCache } from './response-cache';
import { installResultShaping } from './result-shaping';
import { gatewayReadiness } from './readiness';
import { connectRedis } from './shared-state/redis-connection';
import { supergraphFile } from './supergraph/supergraph-file';
import { startLiveUpdates, startSubscriptionServer } from './subscriptions';
import { SubgraphDataSource } from './subgraph-data-source';
import type { QueryExecutor } from './subscriptions/event-payload';
import { startWebhooks } from './webhooks';

export interface RunningGateway {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

/**
 * The hub's front door: Apollo Server 5 running @apollo/gateway over the checked-in supergraph
 * (reloaded without a restart when it changes, or on SIGHUP), with subgraph URLs taken from the
 * environment, GraphiQL at /, and /healthz, /readyz, /metrics.
 */
export async function startGateway(config: GatewayConfig, log: Logger = createLogger('gateway', config.logLevel)): Promise<RunningGateway> {
  if (config.auth.jwtSecret === DEVELOPMENT_JWT_SECRET) {
    log.warn('development mode: JWTs are checked with the development secret published in the README, so anyone can sign one; production refuses it');
  }
  const signer = new IdentitySigner(config.auth.gatewaySecret);
  const { authenticate, identify, refreshRights } = createAuthentication(config.auth, config.subgraphUrls.organizations);
  const supergraph = supergraphFile(config.supergraphPath, log, { pollMs: config.supergraphPollMs });
  // Apollo Gateway, unless told otherwise, probes the AWS, Azure, GCP and Alibaba metadata services
  // when it starts and sends the host's OS, CPU and memory to Apollo every hour and when it stops:
  // the hub sends nothing to a third party unless its operator says so (README, Environment).
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  installResultShaping();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, config.subgraphUrls[name as keyof GatewayConfig['subgraphUrls']] ?? url!, { timeoutMs: config.subgraphTimeoutMs, signer }),
    logger: log,
  });
  let apiSchema: GraphQLSchema | undefined;
  const costs = new CostModel();
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded, coreSupergraphSdl }) => {
    apiSchema = loaded;
    costs.load(coreSupergraphSdl);
  });
  const { redisUrl, keyPrefix } = config.sharedState;
  const redis = redisUrl ? await connectRedis(redisUrl, keyPrefix, log) : undefined;
  const limits = hubLimits(config.limits, redis, costs);
  const responseCache = new ResponseCache(redis ? redisAnswers(redis, log) : memoryAnswers());
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => responseCache.schemaChanged(coreSupergraphSdl));
  const httpServer = createServer({ requestTimeout: config.limits.requestTimeoutMs, headersTimeout: Math.min(10_000, config.limits.requestTimeoutMs) });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true, // per caller: limits' introspection policy
    includeStacktraceInErrorResponses: false,
    formatError: limits.formatError(maskUnexpectedErrors(log)),
    ...limits.apollo,
    plugins: [
      ...limits.apollo.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...requestGuards<GatewayContext>(),
      refreshRightsAfterWrites(refreshRights),
      metricsPlugin<GatewayContext>('gateway'),
      responseCache.plugin(),
      // the subgraphs' hints set each answer's cache policy for the response cache; HTTP caches
      // outside the hub are not told (they would not hear of changes)
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
    ],
  });
  await apollo.start();
  const readiness = gatewayReadiness(config, redis);
  const admit = async (req: IncomingMessage, body: unknown, requestId = requestIdOf(req)): Promise<GatewayContext> => {
    const { identity, caller } = await limits.admit(req, body, () => identify(req.headers));
    return { requestId, identity, caller };
  };
  const handle = graphqlHandler<GatewayContext>({
    server: apollo,
    maxBodyBytes: config.maxBodyBytes,
    maxBatchSize: config.limits.maxBatch,
    log,
    context: admit,
  });
  const exportCsv = csvExports({ apollo, schema: () => apiSchema!, admit: (req) => admit(req, undefined), log });
  const crossOrigin = corsHandler(config.cors);
  const compress = compressResponses();
  httpServer.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((path === '/graphql' || path.startsWith('/export/')) && crossOrigin(req, res)) return;
    compress(req, res);
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (serveGraphiql(req, res, path, wantsHtml)) return;
    if (serveDashboard(req, res, path)) return;
    if (path === '/graphql') return void handle(req, res);
    if (path.startsWith('/export/')) return void exportCsv(req, res, path);
    if (path === '/healthz') return void res.end('ok');
    if (path === '/readyz') return void answerReadiness(res, readiness);
    if (path === '/metrics') {
      return void metrics.metrics().then((text) => {
        res.setHeader('content-type', metrics.contentType);
        res.end(text);
      });
    }
    sendError(res, 404, `no route ${path}; GraphQL is served at /graphql and GraphiQL at /`, 'NOT_FOUND');
  });
  const { databaseUrl } = config.liveUpdates;
  const liveUpdates = databaseUrl ? await startLiveUpdates({ ...config.liveUpdates, databaseUrl }, log) : undefined;
  if (!liveUpdates) log.warn('no DATABASE_URL: subscriptions are refused (live updates read the hub event log in PostgreSQL)');
  // webhooks' payloads are queries the gateway makes as the registering organization, through Apollo like a client's
  const runAs =
    (identity: Identity): QueryExecutor =>
    async (document, variables) => {
      const response = await apollo.executeOperation(
        { query: print(document), variables },
        { contextValue: { requestId: randomUUID(), identity, derived: true } },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used for webhook payloads');
      return response.body.singleResult as Awaited<ReturnType<QueryExecutor>>;
    };
  const webhooks =
    databaseUrl && config.webhooks.deliver
      ? await startWebhooks({ databaseUrl, config: config.webhooks, pollMs: config.liveUpdates.pollMs, schema: () => apiSchema, runAs }, log)
      : undefined;
  if (liveUpdates && config.responseCache) responseCache.follow(liveUpdates.stream);
  // attached before listening: no upgrade request finds the path without its WebSocket server
  const subscriptions = startSubscriptionServer({
    httpServer,
    path: '/graphql',
    apollo,
    schema: () => apiSchema!,
    authenticate,
    limits: limits.sockets,
    publicErrors: limits.publicErrors,
    events: liveUpdates,
    bufferSize: config.liveUpdates.subscriberBuffer,
    stallMs: config.liveUpdates.subscriberStallMs,
    log,
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
  log.info({ url }, 'gateway ready');
  return {
    url,
    port,
    server: httpServer,
    async stop() {
      // sockets first (clients resume elsewhere), then HTTP drains, then the event log's connections
      await subscriptions.stop();
      await webhooks?.stop();
      responseCache.stop();
      await apollo.stop();
      await liveUpdates?.stop();
      await redis?.close();
    },
  };
}
