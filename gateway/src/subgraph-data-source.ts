import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { ANONYMOUS, IDENTITY_HEADER, postToSubgraph, subgraphFetchDuration, type IdentitySigner, type SubgraphPost } from '@ngo-hub/kit/common';
import { GraphQLError } from 'graphql';
import { CircuitBreaker } from './circuit-breaker';
import { dedupeRepresentations, expandEntities } from './entity-representations';
import { InflightFetches } from './inflight-fetches';
import { FetchMerger, isMergeableEntitiesQuery, type FetchAnswer } from './merged-fetches';
import type { GatewayContext } from './context';

/** Why a subgraph could not answer; shown to callers with the subgraph's name, nothing internal. */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(serviceName: string, reason: string) {
    super(`The ${serviceName} subgraph is unavailable (${reason}); fields it provides are missing from this response.`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName },
    });
  }
}

class CircuitOpen extends Error {}

export interface SubgraphFetchOptions {
  timeoutMs: number;
  breaker?: CircuitBreaker;
  /** Signs the caller's identity into each fetch; subgraphs refuse unsigned requests. */
  signer: IdentitySigner;
}

/**
 * How the gateway talks to a subgraph: the kit's postToSubgraph (undici, keep-alive, no redirects), a timeout on
 * every fetch and a circuit breaker (@apollo/gateway has neither), the request id forwarded for
 * the logs, failures reported as SUBGRAPH_UNAVAILABLE naming the subgraph, each entity asked for
 * once per fetch, an operation's entity fetches that run side by side sent as one request, and
 * identical reads in flight at once sent once.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;

  constructor(name: string, url: string, options: SubgraphFetchOptions) {
    const breaker = options.breaker ?? new CircuitBreaker();
    const inflight = new InflightFetches();
    super({
      url,
      fetcher: (async (input: string, init: RequestInit = {}) =>
        inflight.fetch(input, init, async () => {
          if (!breaker.allow()) {
            subgraphFetchDuration.observe({ subgraph: name, outcome: 'circuit_open' }, 0);
            throw new CircuitOpen();
          }
          const stopTimer = subgraphFetchDuration.startTimer({ subgraph: name });
          try {
            // RemoteGraphQLDataSource.sendRequest passes its headers as a plain object and the body as a JSON string
            const response = await postToSubgraph(input, init as SubgraphPost, AbortSignal.timeout(options.timeoutMs));
            if (response.status >= 500) breaker.failed();
            else breaker.succeeded();
            stopTimer({ outcome: response.ok ? 'ok' : 'error' });
            return response;
          } catch (error) {
            breaker.failed();
            stopTimer({ outcome: (error as Error).name === 'TimeoutError' ? 'timeout' : 'error' });
            throw error;
          }
        })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
    this.name = name;
    this.timeoutMs = options.timeoutMs;
    this.signer = options.signer;
  }

  private readonly signer: IdentitySigner;

  private readonly timeoutMs: number;

  private readonly merger = new FetchMerger<GraphQLDataSourceProcessOptions<GatewayContext>>(
    (options) => super.process(options) as Promise<FetchAnswer>,
    (first, query, variables) => ({ ...first, request: { ...first.request, query, variables, operationName: undefined }, document: undefined }),
  );

  /**
   * Sends each distinct entity representation once (see entity-representations.ts), and the entity
   * fetches of one operation that start together as one request (merged-fetches.ts).
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const deduped = dedupeRepresentations(options.request.variables?.representations);
    const sent = deduped
      ? { ...options, request: { ...options.request, variables: { ...options.request.variables, representations: deduped.unique } } }
      : options;
    const query = options.request.query;
    // an incoming operation's entity fetches (not a health check's, nor one traced with ftv1 headers)
    const merge =
      options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION && !options.request.http && query !== undefined && isMergeableEntitiesQuery(query);
    const answer = merge ? await this.merger.add(options.incomingRequestContext, sent) : await super.process(sent);
    return (deduped ? expandEntities(answer, deduped) : answer) as Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (context && 'requestId' in context && context.requestId) request.http?.headers.set('x-request-id', context.requestId);
    const identity = (context as Partial<GatewayContext> | undefined)?.identity ?? ANONYMOUS;
    request.http?.headers.set(IDENTITY_HEADER, await this.signer.signatureFor(identity));
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): void {
    if (error instanceof CircuitOpen) throw new SubgraphUnavailableError(this.name, 'failing repeatedly; retrying shortly');
    if (error.name === 'TimeoutError') throw new SubgraphUnavailableError(this.name, `no answer within ${this.timeoutMs} ms`);
    // a redirect is not followed: it would carry the signed identity to wherever it points
    if (response && response.status >= 300 && response.status < 400) {
      throw new SubgraphUnavailableError(this.name, `HTTP ${response.status}, a redirect, which the gateway does not follow`);
    }
    if (response && response.status < 500) {
      // a subgraph's own 4xx answer: keep its GraphQL errors' codes, drop the HTTP details
      const errors = (error as GraphQLError).extensions?.response as
        { body?: { errors?: { message: string; extensions?: Record<string, unknown> }[] } } | undefined;
      const first = errors?.body?.errors?.[0];
      throw new GraphQLError(first?.message ?? `the ${this.name} subgraph refused the request`, {
        extensions: { code: first?.extensions?.code ?? 'BAD_REQUEST', serviceName: this.name },
      });
    }
    throw new SubgraphUnavailableError(this.name, response ? `HTTP ${response.status}` : 'cannot connect');
  }
}
