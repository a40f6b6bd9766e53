import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** The hub's one error vocabulary; every error a caller can cause carries one of these codes. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that are safe to show a caller as they are: they describe the request or the hub's state, nothing internal. */
const CALLER_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.CONFLICT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'RATE_LIMITED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'SUBGRAPH_UNAVAILABLE',
]);

/** A value the caller sent is wrong; `field` names it (dotted path inside the input). */
export class UserInputError extends GraphQLError {
  constructor(message: string, field: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(typeName: string, id: string, field?: string) {
    super(`${typeName} ${JSON.stringify(id)} does not exist`, {
      extensions: { code: ErrorCode.NOT_FOUND, type: typeName, id, ...(field ? { field } : {}) },
    });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/** The request is well formed but the current state forbids it (a transition, a capacity rule). */
export class ConflictError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: ErrorCode.CONFLICT } });
  }
}

/** The request each error of a request belongs to, by error: Apollo's `formatError` sees the error but not the request. */
const requestIds = new WeakMap<object, string>();

/** Remembers which request `error` belongs to, for `maskUnexpectedErrors`. */
export function rememberRequestId(error: unknown, requestId: string): void {
  if (error && typeof error === 'object') requestIds.set(error, requestId);
}

/** Apollo Server plugin: remembers the request id of every error a request meets, for `maskUnexpectedErrors`. */
export function errorRequestIds<C extends BaseContext & { requestId?: string }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          if (!contextValue.requestId) return;
          for (const error of errors) rememberRequestId(error, contextValue.requestId);
        },
      };
    },
  };
}

/**
 * Apollo Server `formatError`: passes caller errors through, replaces anything else with an
 * opaque INTERNAL_SERVER_ERROR that carries the request id (with `errorRequestIds` among the
 * server's plugins), and logs the original with that id.
 */
export function maskUnexpectedErrors(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = scalarRefusal(error) ? ErrorCode.BAD_USER_INPUT : formatted.extensions?.code;
    if (typeof code === 'string' && CALLER_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    if (isUncodedRequestError(error)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: 'BAD_REQUEST' } };
    }
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const requestId = findRequestId(error);
    log.error({ err: original, requestId, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: `Internal error${requestId ? ` (request ${requestId})` : ''}`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}

/**
 * A scalar's refusal of an inline literal (a `Date` of year 0): graphql reports it while validating
 * the document and Apollo codes it GRAPHQL_VALIDATION_FAILED; it keeps the scalar's BAD_USER_INPUT,
 * as the same value sent in a variable has.
 */
function scalarRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED') return false;
  const original = error.originalError;
  return original instanceof GraphQLError && original.extensions?.code === ErrorCode.BAD_USER_INPUT;
}

/** Apollo Server's own refusals of a request that carry an HTTP 4xx status but no code (e.g. "provided sha does not match query"). */
function isUncodedRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions?.code !== undefined) return false;
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The request's id; else the one a subgraph's masked error carried to the gateway. */
function findRequestId(error: unknown): string | undefined {
  // Apollo wraps an error thrown while building the context in a new GraphQLError
  for (const candidate of [error, error instanceof GraphQLError ? error.originalError : undefined]) {
    const known = candidate && typeof candidate === 'object' ? requestIds.get(candidate) : undefined;
    if (known) return known;
  }
  const id = error instanceof GraphQLError ? error.extensions?.requestId : undefined;
  return typeof id === 'string' ? id : undefined;
}
