import type { References, SubgraphUrls } from '@ngo-hub/kit';

export interface PersonName {
  name: string;
  nameZh: string | null;
}

/**
 * People's names as the people subgraph holds them, through its `_entities` field (never its
 * tables). The kit's References can only say whether ids exist, so this reads its URLs and
 * headers until it can fetch fields as well.
 */
export async function personNames(references: References, ids: readonly string[]): Promise<Map<string, PersonName>> {
  const url = (references['urls'] as SubgraphUrls).people;
  if (!url) throw new Error('no URL configured for the people subgraph (owner of Person)');
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id name nameZh } } }`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(references['headers'] as () => Record<string, string>)() },
    body: JSON.stringify({ query, variables: { representations: ids.map((id) => ({ __typename: 'Person', id })) } }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await response.json()) as { data?: { _entities?: ((PersonName & { id: string }) | null)[] }; errors?: unknown[] };
  if (!response.ok || !body.data?._entities) throw new Error(`the people subgraph did not answer the names of ${ids.join(', ')}: ${JSON.stringify(body.errors)}`);
  return new Map(body.data._entities.filter((e) => e !== null).map((e) => [e!.id, { name: e!.name, nameZh: e!.nameZh ?? null }]));
}
