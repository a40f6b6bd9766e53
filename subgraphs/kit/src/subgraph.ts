import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { EntityManager, MikroORM, Options } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BuildSchemaOptions } from 'type-graphql';

/** type-graphql's own type for resolver classes (its option is typed with `Function`). */
type Resolvers = Extract<BuildSchemaOptions['resolvers'], readonly unknown[]>;
import { IdentityVerifier, SignatureError, SignedHeaders, IDENTITY_HEADER } from './auth/gateway-signature';
import { serviceIdentity, type Identity } from './auth/identity';
import { ConfigError, preparedStatementsOf, type SubgraphConfig, type SubgraphName } from './config';
import { createContext, type HubContext } from './context';
import { ensureDatabase } from './database';
import { maskUnexpectedErrors } from './errors';
import { buildFederatedSchema, type ReferenceResolvers } from './federation';
import { graphqlHandler, sendError } from './http/graphql-handler';
import { subgraphOperationGuard } from './http/operation-guard';
import { requestGuards } from './http/request-guards';
import { answerReadiness, type ReadinessCheck } from './http/readiness';
import { createLogger, type Logger } from './logger';
import { cacheScopePlugins } from './cache-scope';
import { answeringGraphQL, countSqlStatement, metrics, metricsPlugin, observePool, type PoolStats } from './metrics';
import { migrate, openOrm } from './orm';
import { OutboxEvent } from './events/outbox-event';
import { AuditEntry } from './audit/audit-entry';
import { Removal } from './sync/removal';
import { auditEntriesResolver } from './audit/audit-log';
import { auditPlugin } from './audit/audit-plugin';
import { auditRetention } from './audit/audit-retention';
import { References } from './references';

/** Everything that makes one subgraph: the kit turns it into a server, a migrator and a seeder. */
export interface SubgraphDefinition {
  name: SubgraphName;
  /** The subgraph package's folder (holds migrations/ and dist/migrations/). */
  packageDir: string;
  entities: NonNullable<Options['entities']>;
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  referenceResolvers?: ReferenceResolvers;
  /** Loads this subgraph's part of the seed sector; must be idempotent. Returns rows written. */
  seed?: (em: EntityManager, log: Logger) => Promise<number>;
  /** Work the running subgraph does on its own (e.g. retrying erasures another subgraph missed); stopped with the server. */
  background?: (services: BackgroundServices) => { stop(): Promise<void> | void };
}

/** What a subgraph's background work may use. */
export interface BackgroundServices {
  em: EntityManager;
  references: References;
  log: Logger;
}

export function ormSettingsOf(definition: SubgraphDefinition, databaseUrl: string, log?: Logger) {
  return {
    schema: definition.name,
    clientUrl: databaseUrl,
    // every subgraph has an outbox for the hub's live updates, an audit log of personal data and the removals partners sync
    entities: [...definition.entities, OutboxEvent, AuditEntry, Removal],
    migrationsPath: join(definition.packageDir, 'dist', 'migrations'),
    migrationsPathTs: join(definition.packageDir, 'migrations'),
    log,
    preparedStatements: preparedStatementsOf(),
  };
}

export async function openSubgraphOrm(definition: SubgraphDefinition, databaseUrl: string, log?: Logger): Promise<MikroORM> {
  const orm = await openOrm(ormSettingsOf(definition, databaseUrl, log));
  const knex = orm.em.getConnection().getKnex();
  knex.on('query', () => countSqlStatement(definition.name));
  const pool = (knex.client as { pool?: PoolStats }).pool;
  if (pool) observePool(definition.name, pool);
  return orm;
}

/**
 * Creates the database if needed and applies this subgraph's migrations. `fresh` is true when
 * the subgraph had no schema before: its first start.
 */
export async function migrateSubgraph(definition: SubgraphDefinition, databaseUrl: string, log: Logger): Promise<{ applied: string[]; fresh: boolean }> {
  await ensureDatabase(databaseUrl);
  const orm = await openSubgraphOrm(definition, databaseUrl);
  try {
    const { applied, fresh } = await migrate(orm);
    log.info({ subgraph: definition.name, applied }, applied.length ? 'migrations applied' : 'schema up to date');
    return { applied, fresh };
  } finally {
    await orm.close();
  }
}

/** Migrates, and loads the seed when this run created the schema (its first start) or SEED=always. */
export async function prepareSubgraph(definition: SubgraphDefinition, databaseUrl: string, log: Logger): Promise<void> {
  const { fresh } = await migrateSubgraph(definition, databaseUrl, log);
  if (fresh || process.env.SEED === 'always') await seedSubgraph(definition, databaseUrl, log);
}

export async function seedSubgraph(definition: SubgraphDefinition, databaseUrl: string, log: Logger): Promise<number> {
  if (!definition.seed) return 0;
  const orm = await openSubgraphOrm(definition, databaseUrl);
  try {
    const written = await orm.em.fork().transactional((em) => definition.seed!(em, log));
    log.info({ subgraph: definition.name, written }, 'seed loaded');
    return written;
  } finally {
    await orm.close();
  }
}

export function schemaOf(definition: SubgraphDefinition): Promise<GraphQLSchema> {
  // every subgraph answers the audit log's internal query for its own entries
  const resolvers: BuildSchemaOptions['resolvers'] = [auditEntriesResolver(definition.name), ...(definition.resolvers as Resolvers)];
  return buildFederatedSchema({ resolvers, orphanedTypes: definition.orphanedTypes }, definition.referenceResolvers);
}

/** A subgraph is ready when its database answers and none of its migrations is pending. */
function subgraphReadiness(orm: MikroORM): Record<string, ReadinessCheck> {
  let migrated = false;
  return {
    database: async () => {
      const connection = await orm.checkConnection();
      return connection.ok ? undefined : `unreachable: ${connection.reason.split('\n')[0]}`;
    },
    migrations: async () => {
      if (migrated) return undefined;
      const pending = await orm.getMigrator().getPendingMigrations();
      migrated = pending.length === 0;
      return migrated ? undefined : `${pending.length} pending: run migrate`;
    },
  };
}

export interface RunningSubgraph {
  url: string;
  port: number;
  orm: MikroORM;
  server: Server;
  stop(): Promise<void>;
}

/** Starts a subgraph's HTTP server: /graphql, /healthz, /readyz, /metrics. */
export async function startSubgraph(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  log = createLogger(definition.name, config.logLevel),
): Promise<RunningSubgraph> {
  const secret = config.gatewaySecret;
  if (!secret)
    throw new ConfigError(
      'GATEWAY_SECRET is not set: a subgraph answers only requests signed by the gateway with this shared secret (npm start generates one)',
    );
  const orm = await openSubgraphOrm(definition, config.databaseUrl, log);
  const schema = await schemaOf(definition);
  const httpServer = createServer();
  const apollo = new ApolloServer<HubContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors(log),
    ...subgraphOperationGuard(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...requestGuards<HubContext>(),
      metricsPlugin<HubContext>(definition.name),
      auditPlugin(definition.name),
      ...cacheScopePlugins(),
    ],
  });
  await apollo.start();
  const signed = new SignedHeaders(serviceIdentity(definition.name), secret);
  const references = new References(config.urls, log, () => signed.headers());
  const readiness = subgraphReadiness(orm);
  const background = definition.background?.({ em: orm.em as EntityManager, references, log });
  const retention = auditRetention(orm.em as EntityManager, config.auditRetentionDays, log);
  const handle = graphqlHandler<HubContext>({
    server: apollo,
    log,
    context: async (req, _body, requestId) => createContext({ em: orm.em as EntityManager, log, requestId, references, identity: identities.get(req)! }),
  });
  // the identity is verified before Apollo reads the body, so an unsigned request costs nothing
  const identities = new WeakMap<IncomingMessage, Identity>();
  const verifier = new IdentityVerifier(secret);
  httpServer.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql') {
      const token = req.headers[IDENTITY_HEADER];
      return void verifier.verify(typeof token === 'string' ? token : undefined).then(
        (identity) => {
          identities.set(req, identity);
          void answeringGraphQL(() => handle(req, res));
        },
        (error: unknown) => sendError(res, 401, error instanceof SignatureError ? error.message : 'unauthenticated', 'UNAUTHENTICATED'),
      );
    }
    if (path === '/healthz') return void res.end('ok');
    if (path === '/readyz') return void answerReadiness(res, readiness);
    if (path === '/metrics') {
      return void metrics.metrics().then((text) => {
        res.setHeader('content-type', metrics.contentType);
        res.end(text);
      });
    }
    sendError(res, 404, `no route ${path}; GraphQL is served at /graphql`, 'NOT_FOUND');
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}/graphql`;
  log.info({ url }, `${definition.name} subgraph ready`);
  return {
    url,
    port,
    orm,
    server: httpServer,
    async stop() {
      retention.stop();
      await background?.stop();
      await apollo.stop();
      await orm.close();
    },
  };
}
