import type { Logger } from 'pino';
import { NotFoundError } from './errors';
import { SubgraphCallError, SubgraphClient, type CallHeaders } from './subgraph-client';

/** Where each subgraph answers, for the few checks one subgraph makes against another. */
export type SubgraphUrls = Partial<Record<string, string>>;

/** The subgraph that owns each entity type the hub's subgraphs refer to. */
const OWNERS: Record<string, string> = {
  Organization: 'organizations',
  Person: 'people',
  Grant: 'funding',
  Course: 'training',
};

/**
 * Asks the owning subgraph whether entities exist, through its federation `_entities` field:
 * never by reading another subgraph's tables. Used to refuse writes that point at nothing.
 */
export class References {
  constructor(
    private readonly urls: SubgraphUrls,
    private readonly log: Logger,
    private readonly headers: CallHeaders = () => ({}),
  ) {}

  /** A client of another subgraph, signed as this one (subgraphs refuse unsigned requests). */
  client(subgraph: string, timeoutMs?: number): SubgraphClient {
    const url = this.urls[subgraph];
    if (!url) throw new Error(`no URL configured for the ${subgraph} subgraph`);
    return new SubgraphClient(subgraph, url, this.headers, timeoutMs);
  }

  /** Throws NOT_FOUND naming `field` for the first id that does not exist. */
  assertExist(typeName: keyof typeof OWNERS & string, ids: readonly string[], field: string): Promise<void> {
    return this.assertExistByField(typeName, { [field]: ids });
  }

  /**
   * One request for ids given in several input fields (a grant's recipient and funder);
   * NOT_FOUND names the field of the first id that does not exist.
   */
  async assertExistByField(typeName: keyof typeof OWNERS & string, idsByField: Record<string, string | readonly string[]>): Promise<void> {
    const entries = Object.entries(idsByField).flatMap(([field, ids]) => (typeof ids === 'string' ? [ids] : ids).map((id) => [field, id] as const));
    if (entries.length === 0) return;
    const found = await this.existing(typeName, [...new Set(entries.map(([, id]) => id))]);
    const missing = entries.find(([, id]) => !found.has(id));
    if (missing) throw new NotFoundError(typeName, missing[1], missing[0]);
  }

  async existing(typeName: string, ids: readonly string[]): Promise<Set<string>> {
    return new Set((await this.fetch<{ id: string }>(typeName, ids, 'id')).keys());
  }

  /**
   * Runs a GraphQL operation on another subgraph, signed as this subgraph, and returns its data;
   * throws with the subgraph's first error (or the HTTP status) when it does not answer with data.
   * The one way subgraphs call each other: reference checks, erasure, the audit log.
   */
  async request<T>(subgraph: string, query: string, variables: Record<string, unknown>, timeoutMs = 5000): Promise<T> {
    try {
      const answer = await this.client(subgraph, timeoutMs).post<T>(query, variables);
      if (!answer.data) throw new SubgraphCallError(subgraph, answer.errors?.[0]?.message ?? 'no data');
      return answer.data;
    } catch (error) {
      if (error instanceof SubgraphCallError) this.log.error({ subgraph, reason: error.reason, status: error.status }, 'request to another subgraph failed');
      throw error;
    }
  }

  /**
   * Fields of entities owned by another subgraph, by id, through its `_entities` field (never its
   * tables). Ids that do not exist are absent from the map. `selection` is GraphQL, e.g. "id name".
   */
  async fetch<T extends { id: string }>(typeName: string, ids: readonly string[], selection: string): Promise<Map<string, T>> {
    const owner = OWNERS[typeName];
    if (!owner) throw new Error(`no subgraph owns ${typeName}`);
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { id ${selection} } } }`;
    const data = await this.request<{ _entities: (T | null)[] }>(owner, query, { representations: ids.map((id) => ({ __typename: typeName, id })) });
    return new Map(data._entities.filter((e): e is T => e !== null).map((e) => [e.id, e]));
  }
}
