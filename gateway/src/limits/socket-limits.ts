import type { Identity } from '@ngo-hub/kit/common';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { admitCaller } from './admission';
import type { Caller } from './caller';
import type { LimitsConfig } from './limits-config';
import { RateLimitedError, type RateLimiter } from './rate-limiter';
import { checkSubscriptionDocument } from './subscription-document';
import { documentHash, type TrustedDocuments } from './trusted-documents';
import { workRefusal } from './validation-work';

/** graphql-ws' close code for a refused connection (a bad credential). */
export const CLOSE_FORBIDDEN = 4403;
/** The close code for a caller who has spent their rate limit; graphql-ws clients do not retry on it by themselves. */
export const CLOSE_TOO_MANY_REQUESTS = 4429;

/** What a graphql-ws `subscribe` message carries. */
export interface SocketOperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

export interface AdmittedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation's exact text (the manifest's when it was sent by hash): queries and mutations run through Apollo from it. */
  query: string;
}

/** Who a socket's caller is, or how to close the socket. */
export type SocketAdmission = { identity: Identity; caller: Caller } | { refused: { code: number; reason: string }; cause: unknown };

export interface SocketLimits {
  /**
   * Identifies a socket's caller from its connectionParams (`headers`, overlaid on the upgrade
   * request's) and spends one token of their rate limit for the connection, as `admit` does for
   * an HTTP request.
   */
  admitConnection(request: IncomingMessage, headers: IncomingHttpHeaders, identify: () => Promise<Identity>): Promise<SocketAdmission>;
  /** Spends one token of the caller's rate limit for an operation sent on the socket; the error answers the operation when none is left. */
  spendOperation(caller: Caller): Promise<GraphQLError[] | undefined>;
  /**
   * Parses an operation sent on the socket (after `spendOperation`) under the token limit and
   * bounds its validation work for the caller (`workRefusal`).
   * Queries and mutations then run through Apollo, whose plugins check them with the same
   * `caller` as over HTTP; a subscription is checked here (the per-socket cap, then
   * `checkSubscriptionDocument`). The errors answer the operation; the socket stays open.
   */
  admitOperation(caller: Caller, request: SocketOperationRequest, schema: GraphQLSchema, openSubscriptions: number): AdmittedOperation | GraphQLError[];
}

/** A limit's error as a graphql-ws `error` message carries it: no HTTP status, which only Apollo's HTTP responses use. */
export function forSocket(error: GraphQLError, code: string): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...extensions, code: extensions.code ?? code },
  });
}

/** The operation's text, or from the trusted documents when only its hash was sent (`extensions.persistedQuery.sha256Hash`). */
function textOf(request: SocketOperationRequest, trusted: TrustedDocuments): string | GraphQLError {
  const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  const hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
  if (request.query) {
    if (hash && hash !== documentHash(request.query)) return new GraphQLError('provided sha does not match query', { extensions: { code: 'BAD_REQUEST' } });
    return request.query;
  }
  if (!hash)
    return new GraphQLError('Send the operation as `query`, or a registered one by `extensions.persistedQuery.sha256Hash`.', {
      extensions: { code: 'BAD_REQUEST' },
    });
  return (
    trusted.get(hash) ??
    new GraphQLError(`No trusted document has sha256 ${hash}; over a WebSocket only registered operations can be sent by hash, others as text.`, {
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    })
  );
}

function operationIn(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | GraphQLError {
  const operation = getOperationAST(document, operationName);
  if (operation) return operation;
  return new GraphQLError(
    operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.',
    {
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    },
  );
}

/** The limits of operations sent over graphql-ws: the same rate limit, token limit and document checks as HTTP's. */
export function socketLimits(
  config: LimitsConfig,
  shared: { limiter: RateLimiter; validationRules: ValidationRule[]; trustedDocuments: TrustedDocuments },
): SocketLimits {
  return {
    async admitConnection(request, headers, identify) {
      try {
        return await admitCaller(shared.limiter, request, { ...request.headers, ...headers }, 1, identify);
      } catch (error) {
        if (error instanceof RateLimitedError) {
          return { refused: { code: CLOSE_TOO_MANY_REQUESTS, reason: `Too many requests; retry in ${String(error.extensions.retryAfter)} s` }, cause: error };
        }
        return { refused: { code: CLOSE_FORBIDDEN, reason: 'Forbidden' }, cause: error };
      }
    },

    async spendOperation(caller) {
      try {
        await shared.limiter.take(caller.key);
        return undefined;
      } catch (error) {
        if (error instanceof RateLimitedError) return [forSocket(error, 'RATE_LIMITED')];
        throw error;
      }
    },

    admitOperation(caller, request, schema, openSubscriptions) {
      const query = textOf(request, shared.trustedDocuments);
      if (query instanceof GraphQLError) return [query];
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: config.maxTokens });
      } catch (error) {
        if (error instanceof GraphQLError) return [forSocket(error, 'GRAPHQL_PARSE_FAILED')];
        throw error;
      }
      const tooMuchWork = workRefusal(config, caller, document);
      if (tooMuchWork) return [forSocket(tooMuchWork, 'GRAPHQL_VALIDATION_FAILED')];
      const operation = operationIn(document, request.operationName);
      if (operation instanceof GraphQLError) return [operation];
      if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return { document, operation, query };

      if (openSubscriptions >= config.maxSubscriptionsPerSocket) {
        return [
          new GraphQLError(
            `This socket already holds ${openSubscriptions} subscriptions, the most it may (MAX_SUBSCRIPTIONS_PER_SOCKET = ${config.maxSubscriptionsPerSocket}); complete one first.`,
            { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'subscriptionsPerSocket', max: config.maxSubscriptionsPerSocket } },
          ),
        ];
      }
      const errors = checkSubscriptionDocument(config, shared, caller, schema, {
        document,
        operation,
        variables: request.variables ?? {},
        hash: documentHash(query),
      });
      return errors.length > 0 ? errors.map((error) => forSocket(error, 'GRAPHQL_VALIDATION_FAILED')) : { document, operation, query };
    },
  };
}
