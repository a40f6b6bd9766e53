import type { Logger } from 'pino';
import { NotFoundError } from './errors';

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
    private readonly headers: () => Record<string, string> | Promise<Record<string, string>> = () => ({}),
  ) {}

  /** Where a subgraph answers, for a subgraph's own typed client of another one. */
  urlOf(subgraph: string): string {
    const url = this.urls[subgraph];
    if (!url) throw new Error(`no URL configured for the ${subgraph} subgraph`);
    return url;
  }

  /** The headers this subgraph signs its requests to other subgraphs with (they refuse unsigned ones). */
  async requestHeaders(): Promise<Record<string, string>> {
    return this.headers();
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
   * Fields of entities owned by another subgraph, by id, through its `_entities` field (never its
   * tables). Ids that do not exist are absent from the map. `selection` is GraphQL, e.g. "id name".
   */
  async fetch<T extends { id: string }>(typeName: string, ids: readonly string[], selection: string): Promise<Map<string, T>> {
    const owner = OWNERS[typeName];
    const url = owner ? this.urls[owner] : undefined;
    if (!url) throw new Error(`no URL configured for the ${owner ?? 'unknown'} subgraph (owner of ${typeName})`);
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { id ${selection} } } }`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await this.headers()) },
      body: JSON.stringify({ query, variables: { representations: ids.map((id) => ({ __typename: typeName, id })) } }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as { data?: { _entities?: (T | null)[] }; errors?: unknown[] };
    if (!response.ok || !body.data?._entities) {
      this.log.error({ status: response.status, errors: body.errors, owner }, 'reference lookup failed');
      throw new Error(`the ${owner} subgraph could not answer for ${typeName} ids`);
    }
    return new Map(body.data._entities.filter((e): e is T => e !== null).map((e) => [e.id, e]));
  }
}
