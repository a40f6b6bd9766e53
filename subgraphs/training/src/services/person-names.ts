import type { References } from '@ngo-hub/kit';

export interface PersonName {
  name: string;
  nameZh: string | null;
}

/** People's names as the people subgraph holds them (absent ids are missing from the map). */
export async function personNames(references: References, ids: readonly string[]): Promise<Map<string, PersonName>> {
  const people = await references.fetch<PersonName & { id: string }>('Person', ids, 'name nameZh');
  return new Map([...people].map(([id, person]) => [id, { name: person.name, nameZh: person.nameZh ?? null }]));
}
