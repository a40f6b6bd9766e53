/**
 * What the gateway shares with the subgraphs, without the subgraph server: configuration, the
 * logger and metrics, identities and their signatures, the event topics' contracts, the HTTP
 * handler and guards, errors, webhooks' rules. The gateway imports `@ngo-hub/kit/common`; the
 * barrel `@ngo-hub/kit` also loads MikroORM, type-graphql and the migrations, which more than
 * doubled the gateway's start (1.3 s of CPU, 3,200 modules).
 */
export * from './config';
export * from './hub-mode';
export * from './logger';
export * from './metrics';
export * from './errors';
export * from './shutdown';
export * from './package-root';
export * from './hub-connection';
export * from './amounts';
export * from './database';
export * from './subgraph-client';
export * from './auth/identity';
export * from './auth/gateway-signature';
export * from './auth/api-key';
export * from './events/hub-topics';
export * from './events/topic-contract';
export * from './events/topics';
export * from './http/graphql-handler';
export * from './http/request-guards';
export * from './http/readiness';
export * from './http/subgraph-post';
export * from './webhooks';
export * from './processes';
