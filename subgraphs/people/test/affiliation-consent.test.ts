import { openSubgraphOrm, seedId } from '@ngo-hub/kit';
import { asAdmin, asAnonymous, asMember, asPerson, createTestDatabase, type TestSubgraph } from '@ngo-hub/kit/testing';
import { peopleSubgraph } from '../src';
import { startPeopleWithOrganizations, type PeopleWithOrganizations } from './harness';

const ADD = `mutation($input: AddAffiliationInput!) { addAffiliation(input: $input) { affiliation { id status role } } }`;
const CONFIRM = `mutation($id: ID!) { confirmAffiliation(id: $id) { affiliation { id status } } }`;
const DECLINE = `mutation($id: ID!) { declineAffiliation(id: $id) { affiliationId } }`;
const END = `mutation($id: ID!) { endAffiliation(id: $id) { affiliation { id } } }`;
/** What anyone sees: the organization's people and the person's affiliations, and the directory filtered by the organization. */
const PUBLIC = `query($r: [_Any!]!, $person: ID!, $organization: ID!) {
  _entities(representations: $r) { ... on Organization { people { nodes { id } } } }
  person(id: $person) { affiliations { nodes { id } } }
  people(filter: { organizationId: $organization }) { nodes { id } }
}`;
const PERSON_PENDING = `query($person: ID!) { person(id: $person) { pendingAffiliations { nodes { id status } } } }`;
const ORGANIZATION_PENDING = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { pendingAffiliations { nodes { id status person { id } } } } } }`;

type Errors = { extensions?: Record<string, unknown>; message: string }[] | undefined;

describe('affiliation consent: an affiliation takes effect only when the person and the organization agree', () => {
  let hub: PeopleWithOrganizations;
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    hub = await startPeopleWithOrganizations();
    subgraph = hub.people;
  });
  afterAll(() => hub?.stop());

  async function newPerson(name: string, visibility = 'PUBLIC'): Promise<string> {
    const { data, errors } = await subgraph
      .as(asAdmin())
      .request<{ createPerson: { person: { id: string } } }>(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
        input: { name, visibility },
      });
    expect(errors).toBeUndefined();
    return data!.createPerson.person.id;
  }

  /** Ids of the affiliations anyone sees for the person and the organization, and the people the directory finds there. */
  async function publicView(personId: string, organizationId: string) {
    const { data, errors } = await subgraph.as(asAnonymous()).request<{
      _entities: { people: { nodes: { id: string }[] } }[];
      person: { affiliations: { nodes: { id: string }[] } };
      people: { nodes: { id: string }[] };
    }>(PUBLIC, { r: [{ __typename: 'Organization', id: organizationId }], person: personId, organization: organizationId });
    expect(errors).toBeUndefined();
    return {
      organizationPeople: data!._entities[0].people.nodes.map((n) => n.id),
      personAffiliations: data!.person.affiliations.nodes.map((n) => n.id),
      directory: data!.people.nodes.map((n) => n.id),
    };
  }

  async function propose(identity: Parameters<TestSubgraph['as']>[0], input: Record<string, unknown>) {
    const { data, errors } = await subgraph.as(identity).request<{ addAffiliation: { affiliation: { id: string; status: string } } }>(ADD, { input });
    expect(errors).toBeUndefined();
    return data!.addAffiliation.affiliation;
  }

  it('keeps a person who names themself DIRECTOR of an organization out of every public list until an editor of it confirms', async () => {
    const organizationId = await hub.createOrganization('Consent Test Society');
    const personId = await newPerson('Self Proclaimed');
    const affiliation = await propose(asPerson(personId), { personId, organizationId, role: 'DIRECTOR' });
    expect(affiliation.status).toBe('AWAITING_ORGANIZATION');
    expect(await publicView(personId, organizationId)).toEqual({ organizationPeople: [], personAffiliations: [], directory: [] });

    const mine = await subgraph
      .as(asPerson(personId))
      .request<{ person: { pendingAffiliations: { nodes: { id: string; status: string }[] } } }>(PERSON_PENDING, { person: personId });
    expect(mine.data!.person.pendingAffiliations.nodes).toEqual([{ id: affiliation.id, status: 'AWAITING_ORGANIZATION' }]);
    const editor = asMember(organizationId, 'EDITOR');
    const theirs = await subgraph
      .as(editor)
      .request<{ _entities: { pendingAffiliations: { nodes: { id: string; person: { id: string } }[] } }[] }>(ORGANIZATION_PENDING, {
        r: [{ __typename: 'Organization', id: organizationId }],
      });
    expect(theirs.data!._entities[0].pendingAffiliations.nodes).toEqual([{ id: affiliation.id, status: 'AWAITING_ORGANIZATION', person: { id: personId } }]);

    const confirmed = await subgraph.as(editor).request<{ confirmAffiliation: { affiliation: { status: string } } }>(CONFIRM, { id: affiliation.id });
    expect(confirmed.data!.confirmAffiliation.affiliation.status).toBe('CONFIRMED');
    expect(await publicView(personId, organizationId)).toEqual({
      organizationPeople: [affiliation.id],
      personAffiliations: [affiliation.id],
      directory: [personId],
    });
    const none = await subgraph.as(editor).request<{ _entities: { pendingAffiliations: { nodes: unknown[] } }[] }>(ORGANIZATION_PENDING, {
      r: [{ __typename: 'Organization', id: organizationId }],
    });
    expect(none.data!._entities[0].pendingAffiliations.nodes).toEqual([]);
  });

  it('never lists a PRIVATE person an editor attached, and lets no hub admin confirm for them, until the person confirms', async () => {
    const organizationId = await hub.createOrganization('Consent Attach Foundation');
    const personId = await newPerson('Private Person', 'PRIVATE');
    const affiliation = await propose(asMember(organizationId, 'EDITOR'), { personId, organizationId, role: 'STAFF' });
    expect(affiliation.status).toBe('AWAITING_PERSON');
    for (const identity of [asAdmin(), asMember(organizationId, 'ADMIN')]) {
      const { errors } = await subgraph.as(identity).request(CONFIRM, { id: affiliation.id });
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'AWAITING_PERSON' });
      expect(errors?.[0].message).toMatch(/waits for the person/);
    }
    expect((await publicView(personId, organizationId)).organizationPeople).toEqual([]);

    const confirmed = await subgraph
      .as(asPerson(personId))
      .request<{ confirmAffiliation: { affiliation: { status: string } } }>(CONFIRM, { id: affiliation.id });
    expect(confirmed.data!.confirmAffiliation.affiliation.status).toBe('CONFIRMED');
    expect(await publicView(personId, organizationId)).toEqual({ organizationPeople: [affiliation.id], personAffiliations: [affiliation.id], directory: [] });
  });

  it("takes effect at once when the person edits the organization, while a hub admin's proposal waits for the person", async () => {
    const organizationId = await hub.createOrganization('Consent Founders Network');
    const founder = await newPerson('Founder Editor');
    const own = await propose(asPerson(founder, [{ organizationId, role: 'EDITOR' }]), { personId: founder, organizationId, role: 'FOUNDER' });
    expect(own.status).toBe('CONFIRMED');
    const byAdmin = await propose(asAdmin(), { personId: founder, organizationId, role: 'BOARD_MEMBER' });
    expect(byAdmin.status).toBe('AWAITING_PERSON');
    expect((await publicView(founder, organizationId)).organizationPeople).toEqual([own.id]);
  });

  it('answers a confirmation with FORBIDDEN for a caller of neither side, NOT_FOUND for an unknown id and CONFLICT for a side that already agreed', async () => {
    const organizationId = await hub.createOrganization('Consent Errors Association');
    const personId = await newPerson('Patient Person');
    const affiliation = await propose(asPerson(personId), { personId, organizationId, role: 'VOLUNTEER' });
    const errorsOf = async (identity: Parameters<TestSubgraph['as']>[0], id: string) => (await subgraph.as(identity).request(CONFIRM, { id })).errors as Errors;

    expect((await errorsOf(asPerson(await newPerson('Bystander')), affiliation.id))?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await errorsOf(asMember(seedId('org:npi'), 'ADMIN'), affiliation.id))?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await errorsOf(asAnonymous(), affiliation.id))?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await errorsOf(asAdmin(), '00000000-0000-4000-8000-000000000000'))?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await errorsOf(asPerson(personId), affiliation.id))?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'AWAITING_ORGANIZATION' });

    expect(await errorsOf(asAdmin(), affiliation.id)).toBeUndefined();
    expect((await errorsOf(asMember(organizationId), affiliation.id))?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'CONFIRMED' });
  });

  it('refuses to propose a role twice while it is pending, naming the pending affiliation', async () => {
    const organizationId = await hub.createOrganization('Consent Twice Centre');
    const personId = await newPerson('Eager Applicant');
    const first = await propose(asPerson(personId), { personId, organizationId, role: 'STAFF' });
    const { errors } = await subgraph.as(asMember(organizationId)).request(ADD, { input: { personId, organizationId, role: 'STAFF' } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'role', affiliationId: first.id, status: 'AWAITING_ORGANIZATION' });
  });

  it('lets either side decline a pending affiliation or withdraw from a confirmed one, which leaves every list', async () => {
    const organizationId = await hub.createOrganization('Consent Withdrawal Trust');
    const personId = await newPerson('Second Thoughts');
    const pending = await propose(asMember(organizationId), { personId, organizationId, role: 'ADVISOR' });
    const declined = await subgraph.as(asPerson(personId)).request<{ declineAffiliation: { affiliationId: string } }>(DECLINE, { id: pending.id });
    expect(declined.data!.declineAffiliation.affiliationId).toBe(pending.id);
    const pendingNow = await subgraph
      .as(asPerson(personId))
      .request<{ person: { pendingAffiliations: { nodes: unknown[] } } }>(PERSON_PENDING, { person: personId });
    expect(pendingNow.data!.person.pendingAffiliations.nodes).toEqual([]);

    const confirmed = await propose(asPerson(personId, [{ organizationId, role: 'EDITOR' }]), { personId, organizationId, role: 'STAFF' });
    expect((await publicView(personId, organizationId)).organizationPeople).toEqual([confirmed.id]);
    const stranger = await subgraph.as(asMember(seedId('org:npi'))).request(DECLINE, { id: confirmed.id });
    expect((stranger.errors as Errors)?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.as(asMember(organizationId)).request(DECLINE, { id: confirmed.id })).errors).toBeUndefined();
    expect(await publicView(personId, organizationId)).toEqual({ organizationPeople: [], personAffiliations: [], directory: [] });
    const again = await subgraph.as(asMember(organizationId)).request(DECLINE, { id: confirmed.id });
    expect((again.errors as Errors)?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('refuses to end a pending affiliation with CONFLICT: it never took effect', async () => {
    const organizationId = await hub.createOrganization('Consent Ending Club');
    const personId = await newPerson('Not Yet Staff');
    const pending = await propose(asMember(organizationId), { personId, organizationId, role: 'STAFF' });
    const { errors } = await subgraph.as(asMember(organizationId)).request(END, { id: pending.id });
    expect((errors as Errors)?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'AWAITING_PERSON' });
  });

  it("shows pending affiliations only to their person and to the organization's editors", async () => {
    const organizationId = await hub.createOrganization('Consent Privacy Group');
    const personId = await newPerson('Quiet Member');
    await propose(asPerson(personId), { personId, organizationId, role: 'VOLUNTEER' });
    const personSide = async (identity: Parameters<TestSubgraph['as']>[0]) =>
      (await subgraph.as(identity).request(PERSON_PENDING, { person: personId })).errors as Errors;
    const organizationSide = async (identity: Parameters<TestSubgraph['as']>[0]) =>
      (await subgraph.as(identity).request(ORGANIZATION_PENDING, { r: [{ __typename: 'Organization', id: organizationId }] })).errors as Errors;
    expect((await personSide(asAnonymous()))?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await personSide(asMember(organizationId)))?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await personSide(asAdmin())).toBeUndefined();
    expect((await organizationSide(asAnonymous()))?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await organizationSide(asPerson(personId)))?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await organizationSide(asMember(seedId('org:npi'))))?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await organizationSide(asMember(organizationId))).toBeUndefined();
  });

  it("keeps the seed's affiliations confirmed", async () => {
    const { data } = await subgraph
      .as(asAdmin())
      .request<{ _entities: { people: { totalCount: number }; pendingAffiliations: { totalCount: number } }[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { people { totalCount } pendingAffiliations { totalCount } } } }`,
        { r: [{ __typename: 'Organization', id: seedId('org:chengdu-ngo-service-park') }] },
      );
    expect(data!._entities[0].people.totalCount).toBeGreaterThan(0);
    expect(data!._entities[0].pendingAffiliations.totalCount).toBe(0);
  });
});

describe('the affiliation consent migration', () => {
  it('confirms on both sides the affiliations that existed before consent was asked', async () => {
    const database = await createTestDatabase('ngohub_people_migration');
    const orm = await openSubgraphOrm(peopleSubgraph, database.url);
    try {
      const connection = orm.em.getConnection();
      await connection.execute('create schema if not exists "people"');
      const migrator = orm.getMigrator();
      await migrator.up({ to: 'Migration20261123200000_bigram_search' });
      await connection.execute(`insert into "people"."person" ("id", "name") values ('6f1c1d9e-52b1-4b8e-9a35-0f2f0b7a1c02', 'Existing Person')`);
      await connection.execute(
        `insert into "people"."affiliation" ("id", "person_id", "organization_id", "role", "created_at")
         values ('6f1c1d9e-52b1-4b8e-9a35-0f2f0b7a1c03', '6f1c1d9e-52b1-4b8e-9a35-0f2f0b7a1c02', '6f1c1d9e-52b1-4b8e-9a35-0f2f0b7a1c04', 'DIRECTOR', '2020-01-02T03:04:05Z')`,
      );
      await migrator.up();
      const rows = await connection.execute(
        `select "person_confirmed_at" = "created_at" as "person", "organization_confirmed_at" = "created_at" as "organization" from "people"."affiliation"`,
      );
      expect(rows).toEqual([{ person: true, organization: true }]);
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});
