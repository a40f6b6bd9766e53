import { createLogger, newId, seedSubgraph } from '@ngo-hub/kit';
import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { peopleSubgraph } from '../src';
import { erasePersonInPeople } from '../src/services/account-deletion';

const CREATE = `mutation($name: String!) { createPerson(input: { name: $name }) { person { id updatedAt } } }`;
const VISIBILITY = `mutation($id: ID!, $visibility: ProfileVisibility!) { updatePerson(id: $id, input: { visibility: $visibility }) { person { id updatedAt } } }`;
const REMOVED = `query($since: DateTime) { removedPeople(since: $since, first: 100) { nodes { id removedAt } } }`;
const CHANGED = `query($filter: PersonFilter) { people(filter: $filter, orderBy: UPDATED_AT, first: 100) { nodes { id name updatedAt } } }`;

describe('incremental sync of people', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(peopleSubgraph, { seed: true, identity: asAdmin() });
  });
  afterAll(() => subgraph.stop());

  async function create(name: string): Promise<{ id: string; updatedAt: string }> {
    const { data, errors } = await subgraph.request<{ createPerson: { person: { id: string; updatedAt: string } } }>(CREATE, { name });
    expect(errors).toBeUndefined();
    return data!.createPerson.person;
  }

  async function removedIds(since: string): Promise<string[]> {
    const { data, errors } = await subgraph.request<{ removedPeople: { nodes: { id: string }[] } }>(REMOVED, { since });
    expect(errors).toBeUndefined();
    return data!.removedPeople.nodes.map((node) => node.id);
  }

  async function changedIds(tag: string, since: string): Promise<string[]> {
    const { data, errors } = await subgraph.request<{ people: { nodes: { id: string }[] } }>(CHANGED, { filter: { search: tag, updatedSince: since } });
    expect(errors).toBeUndefined();
    return data!.people.nodes.map((node) => node.id);
  }

  it('removes a profile made PRIVATE from the synced directory, and brings it back when it is listed again', async () => {
    const tag = newId().slice(0, 8);
    const person = await create(`Private ${tag}`);
    const since = person.updatedAt;
    await subgraph.request(VISIBILITY, { id: person.id, visibility: 'PRIVATE' });
    expect(await removedIds(since)).toContain(person.id);
    expect(await changedIds(tag, since)).toEqual([]);

    const relisted = await subgraph.request<{ updatePerson: { person: { updatedAt: string } } }>(VISIBILITY, { id: person.id, visibility: 'PARTNERS' });
    expect(await removedIds(since)).not.toContain(person.id);
    expect(await changedIds(tag, relisted.data!.updatePerson.person.updatedAt)).toEqual([person.id]);
  });

  it('lists an erased person as removed, with its id and time only', async () => {
    const person = await create(`Erased ${newId()}`);
    await subgraph.running.orm.em.fork().transactional((tx) => erasePersonInPeople(tx, person.id));
    const { data } = await subgraph.request<{ removedPeople: { nodes: Record<string, unknown>[] } }>(REMOVED, { since: person.updatedAt });
    expect(data!.removedPeople.nodes.filter((node) => node.id === person.id)).toEqual([{ id: person.id, removedAt: expect.any(String) }]);
  });

  it('keeps updatedAt when the seed is loaded again (it changes nothing)', async () => {
    const before = await subgraph.request<{ people: { nodes: { id: string; updatedAt: string }[] } }>(
      `{ people(filter: { illustrative: false }, first: 100) { nodes { id updatedAt } } }`,
    );
    expect(before.data!.people.nodes.length).toBeGreaterThan(0);
    await seedSubgraph(peopleSubgraph, process.env.TEST_DATABASE_URL!, createLogger('people', 'silent'));
    const after = await subgraph.request<{ people: { nodes: { id: string; updatedAt: string }[] } }>(
      `{ people(filter: { illustrative: false }, first: 100) { nodes { id updatedAt } } }`,
    );
    expect(after.data!.people.nodes).toEqual(before.data!.people.nodes);
  });
});
