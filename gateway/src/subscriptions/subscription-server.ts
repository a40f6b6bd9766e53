import type { ApolloServer } from '@apollo/server';
import type { Identity, Logger } from '@ngo-hub/kit';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, Kind, print, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Pool } from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GatewayContext } from '../context';
import type { QueryExecutor } from './event-payload';
import type { EventStream } from './event-stream';
import { Subscriber } from './subscriber';
import { planSubscription } from './subscription-plan';

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  /** The API schema, once the gateway has loaded the supergraph. */
  schema: () => GraphQLSchema;
  /** Authenticates a socket from its connectionParams, exactly as HTTP requests from their headers. */
  identify: (headers: Record<string, string | undefined>) => Promise<Identity>;
  /** Undefined when the gateway has no database: subscriptions are then refused with a clear error. */
  events?: { stream: EventStream; pool: Pool };
  bufferSize: number;
  log: Logger;
}

interface SocketState {
  context?: GatewayContext;
  lastEventId?: string;
}

type Extra = { socket: WebSocket; state?: SocketState };

/** A socket's context: the caller, and where `connectionParams.lastEventId` says to resume. */
type SocketContext = GatewayContext & { resumeAfter?: string };

/** WebSocket close codes the gateway uses (graphql-ws clients retry on these). */
export const CLOSE_GOING_AWAY = 1001;

function headersOf(params: Record<string, unknown> | undefined): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params ?? {})) if (typeof value === 'string') headers[key.toLowerCase()] = value;
  // the graphql-ws convention `{ headers: { authorization } }` works too
  const nested = params?.headers;
  if (nested && typeof nested === 'object') for (const [key, value] of Object.entries(nested)) if (typeof value === 'string') headers[key.toLowerCase()] = value;
  return headers;
}

/**
 * graphql-ws on the gateway's /graphql path. Subscriptions run on the hub event log (see
 * Subscriber); queries and mutations sent over the socket run through Apollo like HTTP ones.
 * The socket authenticates once, from `connectionParams` (authorization / x-api-key), as HTTP does.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): { stop(): Promise<void>; clients: () => number } {
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: 1_000_000 });

  const runAs = (context: GatewayContext): QueryExecutor => async (document, variables) => {
    const response = await options.apollo.executeOperation({ query: print(document), variables }, { contextValue: { ...context } });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used for event payloads');
    return response.body.singleResult as Awaited<ReturnType<QueryExecutor>>;
  };

  const operationOf = (args: ExecutionArgs): OperationDefinitionNode => {
    const operations = args.document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = args.operationName ? operations.find((o) => o.name?.value === args.operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!operation) throw new GraphQLError('Name the operation to run (operationName).', { extensions: { code: 'BAD_USER_INPUT' } });
    return operation;
  };

  const failure = (error: unknown): ExecutionResult => ({
    errors: [
      error instanceof GraphQLError
        ? error
        : (options.log.error({ err: error }, 'subscription failed'), new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })),
    ],
  });

  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: () => options.schema(),
      onConnect: async (ctx) => {
        try {
          const identity = await options.identify(headersOf(ctx.connectionParams));
          const lastEventId = ctx.connectionParams?.lastEventId;
          ctx.extra.state = {
            context: { requestId: randomUUID(), identity },
            lastEventId: typeof lastEventId === 'string' || typeof lastEventId === 'number' ? String(lastEventId) : undefined,
          };
          return true;
        } catch (error) {
          options.log.info({ err: (error as Error).message }, 'socket refused: bad credentials');
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      context: (ctx): SocketContext => ({ ...ctx.extra.state!.context!, resumeAfter: ctx.extra.state!.lastEventId }),
      execute: (async (args: ExecutionArgs) => {
        try {
          const { resumeAfter: _resume, ...context } = args.contextValue as SocketContext;
          const response = await options.apollo.executeOperation(
            { query: print(args.document as DocumentNode), variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
            { contextValue: { ...context, requestId: randomUUID() } },
          );
          return response.body.kind === 'single' ? response.body.singleResult : failure(new Error('incremental delivery over graphql-ws is not supported'));
        } catch (error) {
          return failure(error);
        }
      }) as never,
      subscribe: (async (args: ExecutionArgs) => {
        try {
          if (!options.events) {
            throw new GraphQLError('Live updates are off: this gateway has no DATABASE_URL to read the hub event log from.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
          }
          const context = args.contextValue as SocketContext;
          const plan = planSubscription(args.schema, args.document, operationOf(args), (args.variableValues ?? {}) as Record<string, unknown>);
          return new Subscriber({
            schema: args.schema,
            document: args.document,
            plan,
            stream: options.events.stream,
            pool: options.events.pool,
            runQuery: runAs(context),
            callerKey: JSON.stringify(context.identity),
            resumeAfter: plan.since ?? context.resumeAfter,
            bufferSize: options.bufferSize,
          });
        } catch (error) {
          return failure(error);
        }
      }) as never,
      onError: (_ctx, _id, _payload, errors) => {
        options.log.debug({ errors: errors.map((e) => e.message) }, 'subscription refused');
      },
    },
    wss,
  );

  return {
    clients: () => wss.clients.size,
    async stop() {
      // clients reconnect (to another instance) on 1001 and resume with their last event id
      for (const client of wss.clients) client.close(CLOSE_GOING_AWAY, 'The gateway is shutting down; reconnect and resume');
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
