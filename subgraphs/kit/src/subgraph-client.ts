import { serviceIdentity } from './auth/identity';
import { SignedHeaders } from './auth/gateway-signature';
import { postToSubgraph, type SubgraphResponse } from './http/subgraph-post';

/** A GraphQL answer as a subgraph sends it. */
export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** A subgraph that could not be reached, or answered without GraphQL (or, for `read`, without data). */
export class SubgraphCallError extends Error {
  constructor(
    readonly subgraph: string,
    readonly reason: string,
    /** The HTTP status, when the subgraph answered at all. */
    readonly status?: number,
  ) {
    super(`the ${subgraph} subgraph did not answer: ${reason}`);
    this.name = 'SubgraphCallError';
  }
}

/** Where the signed identity of a call comes from: fixed headers, or a request's own. */
export type CallHeaders = () => Record<string, string> | Promise<Record<string, string>>;

/**
 * The one way the hub's own code calls a subgraph: a GraphQL POST carrying the caller's signed
 * identity (subgraphs refuse unsigned requests), with a timeout. Subgraphs use it to ask each
 * other (References), the funding subgraph and its tools to ask the organizations directory,
 * the gateway to check credentials.
 */
export class SubgraphClient {
  constructor(
    readonly subgraph: string,
    readonly url: string,
    private readonly headers: CallHeaders,
    private readonly timeoutMs = 5_000,
  ) {}

  /** A client signed as one of the hub's services (`gateway`, `funding`, a tool's name) with GATEWAY_SECRET. */
  static asService(service: string, subgraph: string, url: string, gatewaySecret: string, timeoutMs?: number): SubgraphClient {
    const signed = new SignedHeaders(serviceIdentity(service), gatewaySecret);
    return new SubgraphClient(subgraph, url, () => signed.headers(), timeoutMs);
  }

  /** The whole answer, errors included; throws SubgraphCallError when there is no GraphQL answer. */
  async post<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
    let response: SubgraphResponse;
    try {
      response = await postToSubgraph(
        this.url,
        { headers: { 'content-type': 'application/json', ...(await this.headers()) }, body: JSON.stringify({ query, variables }) },
        AbortSignal.timeout(this.timeoutMs),
      );
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : `cannot connect to ${this.url} (${(error as Error).message})`;
      throw new SubgraphCallError(this.subgraph, reason);
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as GraphQLAnswer<T>;
    } catch {
      throw new SubgraphCallError(this.subgraph, `HTTP ${response.status} without GraphQL: ${text.slice(0, 200)}`, response.status);
    }
  }

  /** The answer's data; throws SubgraphCallError with the subgraph's first error when it has none or any error. */
  async read<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await this.post<T>(query, variables);
    if (!answer.data || answer.errors?.length) {
      throw new SubgraphCallError(this.subgraph, answer.errors?.map((e) => e.message).join('; ') ?? 'no data');
    }
    return answer.data;
  }
}
