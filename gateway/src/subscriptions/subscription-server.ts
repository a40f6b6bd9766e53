import type { ApolloServer } from '@apollo/server';
import type { Identity, Logger } from '@ngo-hub/kit/common';
import { useServer } from 'graphql-ws/use/ws';
import {
  GraphQLError,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Pool } from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Credential } from '../auth/credential';
import type { Authenticate } from '../auth/identify';
import type { GatewayContext } from '../context';
import type { Caller } from '../limits/caller';
import { runDerived } from '../limits/derived-operations';
import { forSocket, type SocketLimits, type SocketOperationRequest } from '../limits/socket-limits';
import type { QueryExecutor } from './event-payload';
import type { EventStream } from './event-stream';
import { directSend, type DirectSend } from './direct-send';
import { checkResumePoint } from './resume-point';
import { SocketIdentity } from './socket-identity';
import { SocketPressure } from './socket-pressure';
import { Subscriber, type SubscriberCaller } from './subscriber';
import { planSubscription } from './subscription-plan';

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  /** The API schema, once the gateway has loaded the supergraph. */
  schema: () => GraphQLSchema;
  /** Authenticates a socket from its connectionParams, exactly as HTTP requests from their headers. */
  authenticate: Authenticate;
  /** The gateway's limits for sockets: who the caller is, their rate limit, the document checks. */
  limits: SocketLimits;
  /** How errors are shown to a socket's caller (in production: no limit details, no subgraph names for anonymous callers). */
  publicErrors: (caller: Caller | undefined, errors: readonly GraphQLFormattedError[]) => GraphQLFormattedError[];
  /** Undefined when the gateway has no database: subscriptions are then refused with a clear error. */
  events?: { stream: EventStream; pool: Pool };
  bufferSize: number;
  /** How long a socket's client may take nothing of what waits for it before its subscriptions end. */
  stallMs: number;
  log: Logger;
}

interface SocketState {
  /** The caller as found on connect; each operation runs with `identity` replaced by the current one. */
  context: GatewayContext;
  /** The caller's rights, resolved again for every operation and event while the socket is open. */
  caller: SocketIdentity;
  /** `connectionParams.lastEventId` as sent: checked when a subscription resumes from it. */
  lastEventId?: unknown;
  /** Whether the socket's client takes what it is sent. */
  pressure: SocketPressure;
  /** Ids of the subscriptions admitted on this socket; those graphql-ws no longer holds have ended. */
  subscriptions: Set<string>;
}

type Extra = { socket: WebSocket; request: IncomingMessage; state?: SocketState };

/**
 * An operation's context: the socket's caller, where `connectionParams.lastEventId` says to
 * resume, the operation's exact text (queries and mutations run through Apollo from it) and the
 * operation the limits resolved from it (subscriptions are planned from it).
 */
type SocketContext = GatewayContext & {
  resumeAfter?: unknown;
  operationText: string;
  operation: OperationDefinitionNode;
  socketCaller: SocketIdentity;
  pressure: SocketPressure;
  /** Writes this operation's results straight to the socket (subscriptions use it; see DirectSend). */
  send: DirectSend;
};

const printedDocuments = new WeakMap<DocumentNode, string>();
/** A document's text, printed once (event payload queries are reused event after event). */
function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) {
    text = print(document);
    printedDocuments.set(document, text);
  }
  return text;
}

/** WebSocket close codes the gateway uses (graphql-ws clients retry on these). */
export const CLOSE_GOING_AWAY = 1001;

function headersOf(params: Record<string, unknown> | undefined): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params ?? {})) if (typeof value === 'string') headers[key.toLowerCase()] = value;
  // the graphql-ws convention `{ headers: { authorization } }` works too
  const nested = params?.headers;
  if (nested && typeof nested === 'object')
    for (const [key, value] of Object.entries(nested)) if (typeof value === 'string') headers[key.toLowerCase()] = value;
  return headers;
}

/**
 * graphql-ws on the gateway's /graphql path. Subscriptions run on the hub event log (see
 * Subscriber); queries and mutations sent over the socket run through Apollo like HTTP ones.
 * The socket authenticates on connect, from `connectionParams` (authorization / x-api-key), as
 * HTTP does; its caller's rights are resolved again for every operation and event (SocketIdentity).
 * The gateway's limits (`limits/socket-limits.ts`) admit the socket and every operation on it:
 * the caller's rate limit, the token limit, and for subscriptions the checks Apollo makes of the rest.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): { stop(): Promise<void>; clients: () => number } {
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: 1_000_000 });

  const runAs =
    (
      { resumeAfter: _resume, operationText: _text, operation: _operation, socketCaller: _caller, pressure: _pressure, send: _send, ...context }: SocketContext,
      identity: Identity,
    ): QueryExecutor =>
    async (document, variables) => {
      // merged from admitted subscriptions' selections: past the client limits, never past the caller's rights
      const response = await runDerived(() =>
        options.apollo.executeOperation({ query: printed(document), variables }, { contextValue: { ...context, identity, derived: true } }),
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used for event payloads');
      return response.body.singleResult as Awaited<ReturnType<QueryExecutor>>;
    };

  const failure = (error: unknown): ExecutionResult => ({
    errors: [
      error instanceof GraphQLError
        ? error
        : (options.log.error({ err: error }, 'subscription failed'),
          new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })),
    ],
  });

  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      onConnect: async (ctx) => {
        const headers = headersOf(ctx.connectionParams);
        let credential: Credential | undefined;
        const admission = await options.limits.admitConnection(ctx.extra.request, headers, async () => {
          credential = await options.authenticate(headers);
          return credential.identity();
        });
        if ('refused' in admission) {
          options.log.info({ err: (admission.cause as Error).message, code: admission.refused.code }, 'socket refused');
          ctx.extra.socket.close(admission.refused.code, admission.refused.reason);
          return false; // graphql-ws' own 4403 close finds the socket already closing
        }
        ctx.extra.state = {
          context: { requestId: randomUUID(), identity: admission.identity, caller: admission.caller },
          caller: new SocketIdentity(credential!, ctx.extra.socket, options.log),
          lastEventId: ctx.connectionParams?.lastEventId,
          pressure: new SocketPressure(ctx.extra.socket, options.stallMs),
          subscriptions: new Set(),
        };
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const state = ctx.extra.state!;
        const limited = await options.limits.spendOperation(state.context.caller!);
        if (limited) return limited;
        let identity: Identity;
        try {
          identity = await state.caller.current();
        } catch (error) {
          return [error instanceof GraphQLError ? forSocket(error, 'UNAUTHENTICATED') : failure(error).errors![0]!];
        }
        for (const open of state.subscriptions) if (!(open in ctx.subscriptions)) state.subscriptions.delete(open);
        const schema = options.schema();
        const admitted = options.limits.admitOperation(state.context.caller!, payload as SocketOperationRequest, schema, state.subscriptions.size);
        if (Array.isArray(admitted)) return admitted;
        if (admitted.operation.operation === 'subscription') state.subscriptions.add(id);
        const contextValue: SocketContext = {
          ...state.context,
          identity,
          resumeAfter: state.lastEventId,
          operationText: admitted.query,
          operation: admitted.operation,
          socketCaller: state.caller,
          pressure: state.pressure,
          send: directSend(ctx.extra.socket, id),
        };
        return { schema, document: admitted.document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      execute: (async (args: ExecutionArgs) => {
        try {
          const {
            resumeAfter: _resume,
            operationText,
            operation: _operation,
            socketCaller: _caller,
            pressure: _pressure,
            send: _send,
            ...context
          } = args.contextValue as SocketContext;
          const response = await options.apollo.executeOperation(
            { query: operationText, variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
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
            throw new GraphQLError('Live updates are off: this gateway has no DATABASE_URL to read the hub event log from.', {
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            });
          }
          const context = args.contextValue as SocketContext;
          const callers = new WeakMap<Identity, SubscriberCaller>();
          // the credential gives the same object while the caller's rights are unchanged
          const callerAs = (identity: Identity): SubscriberCaller => {
            let caller = callers.get(identity);
            if (!caller) callers.set(identity, (caller = { key: JSON.stringify(identity), runQuery: runAs(context, identity) }));
            return caller;
          };
          const plan = planSubscription(args.schema, args.document, context.operation, (args.variableValues ?? {}) as Record<string, unknown>);
          const resumeAfter =
            plan.since !== undefined
              ? await checkResumePoint(options.events.pool, plan.since, 'since')
              : await checkResumePoint(options.events.pool, context.resumeAfter, 'connectionParams.lastEventId');
          return new Subscriber({
            schema: args.schema,
            document: args.document,
            text: context.operationText,
            plan,
            stream: options.events.stream,
            pool: options.events.pool,
            caller: () => {
              const identity = context.socketCaller.current();
              return identity instanceof Promise ? identity.then(callerAs) : callerAs(identity);
            },
            resumeAfter,
            bufferSize: options.bufferSize,
            pressure: context.pressure,
            send: context.send,
          });
        } catch (error) {
          return failure(error);
        }
      }) as never,
      // Apollo's results carry their errors formatted already (plain objects, no toJSON), a Subscriber's as GraphQLErrors.
      // Without errors the result goes as it is (graphql-ws would copy it twice per message to take `errors` out).
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors
          ? {
              ...result,
              errors: options.publicErrors(
                ctx.extra.state?.context.caller,
                result.errors.map((error) => (error instanceof GraphQLError ? error.toJSON() : error)),
              ),
            }
          : result,
      onError: (ctx, _id, _payload, errors) => {
        options.log.debug({ errors: errors.map((e) => e.message) }, 'subscription refused');
        return options.publicErrors(
          ctx.extra.state?.context.caller,
          errors.map((error) => error.toJSON()),
        ) as never;
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
