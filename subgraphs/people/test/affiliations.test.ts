import { seedId, today } from '@ngo-hub/kit';
import { asPerson, type TestSubgraph } from '@ngo-hub/kit/testing';
import { personSeedId } from '../seed/people.seed';
import { startPeopleWithOrganizations, type PeopleWithOrganizations, type Request } from './harness';

const ADD = `mutation($input: AddAffiliationInput!) { addAffiliation(input: $input) { affiliation { id role title startedOn endedOn current person { id name } organization { id } } } }`;
const CONFIRM = `mutation($id: ID!) { confirmAffiliation(id: $id) { affiliation { id status } } }`;
const END = `mutation($id: ID!, $endedOn: Date) { endAffiliation(id: $id, endedOn: $endedOn) { affiliation { id endedOn current } } }`;
const ORGANIZATION_PEOPLE = `query($r: [_Any!]!, $role: AffiliationRole, $current: Boolean, $first: Int, $after: String) {
  _entities(representations: $r) { ... on Organization { id people(role: $role, current: $current, first: $first, after: $after) {
    totalCount nodes { role title current person { name } } pageInfo { hasNextPage endCursor } } } }
}`;

type Affiliation = { id: string; role: string; endedOn: string | null; current: boolean; person: { id: string; name: string }; organization: { id: string } };
type OrganizationPeople = {
  id: string;
  people: {
    totalCount: number;
    nodes: { role: string; title: string | null; current: boolean; person: { name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const NO_ORGANIZATION = '00000000-0000-4000-8000-000000000000';

describe('affiliations', () => {
  let hub: PeopleWithOrganizations;
  let subgraph: TestSubgraph;
  let request: Request;
  beforeAll(async () => {
    hub = await startPeopleWithOrganizations();
    subgraph = hub.people;
    request = hub.request;
  });
  afterAll(() => hub?.stop());

  async function newPerson(name: string): Promise<string> {
    const { data } = await request<{ createPerson: { person: { id: string } } }>(
      `mutation($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
      { name },
    );
    return data!.createPerson.person.id;
  }
  /** A hub admin proposes the affiliation for the organization and the person confirms it: both sides agree. */
  async function add(input: Record<string, unknown>) {
    const added = await request<{ addAffiliation: { affiliation: Affiliation } }>(ADD, { input });
    if (added.data) {
      const confirmed = await subgraph.as(asPerson(input.personId as string)).request(CONFIRM, { id: added.data.addAffiliation.affiliation.id });
      expect(confirmed.errors).toBeUndefined();
    }
    return added;
  }
  async function organizationPeople(organizationIds: string[], args: Record<string, unknown> = {}) {
    const { data, errors } = await request<{ _entities: OrganizationPeople[] }>(ORGANIZATION_PEOPLE, {
      r: organizationIds.map((id) => ({ __typename: 'Organization', id })),
      ...args,
    });
    expect(errors).toBeUndefined();
    return data!._entities;
  }
  async function affiliationCount(personId: string): Promise<number> {
    const { data } = await request<{ person: { affiliations: { totalCount: number } } }>(
      `query($id: ID!) { person(id: $id) { affiliations { totalCount } } }`,
      { id: personId },
    );
    return data!.person.affiliations.totalCount;
  }

  it('adds an affiliation to an existing organization and, once both sides agree, shows it on the person and on the organization', async () => {
    const personId = await newPerson('Tang Wen');
    const spinachina = seedId('org:spinachina');
    const { data, errors } = await add({ personId, organizationId: spinachina, role: 'FOUNDER', title: ' Founder ', startedOn: '2011-05-01' });
    expect(errors).toBeUndefined();
    expect(data!.addAffiliation.affiliation).toMatchObject({
      role: 'FOUNDER',
      title: 'Founder',
      startedOn: '2011-05-01',
      endedOn: null,
      current: true,
      person: { id: personId, name: 'Tang Wen' },
      organization: { id: spinachina },
    });
    const [organization] = await organizationPeople([spinachina]);
    expect(organization.people.nodes.map((n) => n.person.name)).toContain('Tang Wen');
    expect(await affiliationCount(personId)).toBe(1);
  });

  it('refuses an organization that the organizations subgraph does not know as NOT_FOUND, and writes nothing', async () => {
    const personId = await newPerson('Ren Yu');
    for (const organizationId of [NO_ORGANIZATION, 'not-a-uuid']) {
      const { data, errors } = await add({ personId, organizationId, role: 'STAFF' });
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId', type: 'Organization' });
    }
    expect(await affiliationCount(personId)).toBe(0);
    const [organization] = await organizationPeople([NO_ORGANIZATION]);
    expect(organization.people.totalCount).toBe(0);
  });

  it('refuses an unknown person as NOT_FOUND', async () => {
    const { errors } = await add({ personId: NO_ORGANIZATION, organizationId: seedId('org:npi'), role: 'STAFF' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'personId', type: 'Person' });
  });

  it.each([
    ['a start in the future', { startedOn: '2999-01-01' }, 'startedOn'],
    ['an end before the start', { startedOn: '2012-01-01', endedOn: '2011-12-31' }, 'endedOn'],
    ['a title longer than 200 characters', { title: 'x'.repeat(201) }, 'title'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, dates, field) => {
    const personId = await newPerson('Dates Person');
    const { errors } = await add({ personId, organizationId: seedId('org:npi'), role: 'STAFF', ...dates });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await affiliationCount(personId)).toBe(0);
  });

  it('refuses a role the person already holds in the organization as CONFLICT, and accepts it again once ended', async () => {
    const personId = await newPerson('Qian Hao');
    const input = { personId, organizationId: seedId('org:npi-chengdu'), role: 'STAFF', startedOn: '2015-01-01' };
    const first = await add(input);
    expect(first.errors).toBeUndefined();
    const again = await add(input);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'role' });
    await request(END, { id: first.data!.addAffiliation.affiliation.id });
    expect((await add({ ...input, startedOn: today() })).errors).toBeUndefined();
    expect(await affiliationCount(personId)).toBe(2);
  });

  it('ends an affiliation today by default, and refuses to end it twice', async () => {
    const personId = await newPerson('Fang Yi');
    const { data } = await add({ personId, organizationId: seedId('org:swufe'), role: 'STUDENT', startedOn: '2020-09-01' });
    const id = data!.addAffiliation.affiliation.id;
    const ended = await request<{ endAffiliation: { affiliation: { endedOn: string; current: boolean } } }>(END, { id });
    expect(ended.data!.endAffiliation.affiliation).toMatchObject({ endedOn: today(), current: false });
    const twice = await request(END, { id });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps an affiliation current until a later end date, and refuses an end before its start', async () => {
    const personId = await newPerson('Lu Qing');
    const { data } = await add({ personId, organizationId: seedId('org:shanghai-united-foundation'), role: 'BOARD_MEMBER', startedOn: '2019-01-01' });
    const id = data!.addAffiliation.affiliation.id;
    const before = await request(END, { id, endedOn: '2018-12-31' });
    expect(before.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endedOn' });
    const later = await request<{ endAffiliation: { affiliation: { endedOn: string; current: boolean } } }>(END, { id, endedOn: '2999-12-31' });
    expect(later.data!.endAffiliation.affiliation).toMatchObject({ endedOn: '2999-12-31', current: true });
    const unknown = await request(END, { id: 'not-a-uuid' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it("lists a person's affiliations, current or ended", async () => {
    const query = `query($id: ID!, $current: Boolean) { person(id: $id) { affiliations(current: $current) { nodes { title current organization { id } } } } }`;
    const id = personSeedId('supervisor-trainee-1');
    const all = await request<{ person: { affiliations: { nodes: { title: string; current: boolean }[] } } }>(query, { id });
    expect(all.data!.person.affiliations.nodes.map((n) => [n.title, n.current])).toEqual([
      ['Programme assistant', false],
      ['Social worker', true],
    ]);
    const current = await request<{ person: { affiliations: { nodes: { organization: { id: string } }[] } } }>(query, { id, current: true });
    expect(current.data!.person.affiliations.nodes).toEqual([
      { title: 'Social worker', current: true, organization: { id: seedId('org:chengdu-community-elderly-care-center') } },
    ]);
    const ended = await request<{ person: { affiliations: { nodes: { title: string }[] } } }>(query, { id, current: false });
    expect(ended.data!.person.affiliations.nodes.map((n) => n.title)).toEqual(['Programme assistant']);
  });

  it("pages through a person's affiliations by start date with cursors", async () => {
    const query = `query($id: ID!, $after: String) { person(id: $id) { affiliations(first: 1, after: $after) { totalCount nodes { startedOn } pageInfo { hasNextPage endCursor } } } }`;
    type Page = { person: { affiliations: { totalCount: number; nodes: { startedOn: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const id = personSeedId('supervisor-trainee-1');
    const first = await request<Page>(query, { id });
    const second = await request<Page>(query, { id, after: first.data!.person.affiliations.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    expect([first, second].map((page) => page.data!.person.affiliations.nodes[0].startedOn)).toEqual(['2010-03-01', '2012-07-01']);
    expect(second.data!.person.affiliations).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
  });

  it("lists an organization's people by role, and pages through them with cursors", async () => {
    const park = seedId('org:chengdu-ngo-service-park');
    const [advisors] = await organizationPeople([park], { role: 'ADVISOR' });
    expect(advisors.people.totalCount).toBe(6);
    expect(advisors.people.nodes.every((n) => n.title === 'Advisory committee member')).toBe(true);
    const [staff] = await organizationPeople([park], { role: 'STAFF', current: true });
    expect(staff.people.nodes.map((n) => n.person.name)).toEqual(['Service Park support-team member (illustrative)']);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const [page]: OrganizationPeople[] = await organizationPeople([park], { first: 3, after });
      seen.push(...page.people.nodes.map((n) => n.person.name));
      if (!page.people.pageInfo.hasNextPage) break;
      after = page.people.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([
      'Advisory committee expert 3 (unnamed in the source)',
      'Advisory committee expert 4 (unnamed in the source)',
      'Advisory committee expert 5 (unnamed in the source)',
      'Advisory committee expert 6 (unnamed in the source)',
      'Guo Hong',
      'Service Park support-team member (illustrative)',
      'Xu Qizhi',
    ]);
  });

  it('gives the advisory committee and the board as their own fields: current members by default, former ones on request', async () => {
    const organizationId = await hub.createOrganization('Committee Test Foundation');
    const add2 = async (name: string, role: string, endedOn?: string) => {
      const personId = await newPerson(name);
      expect((await add({ personId, organizationId, role, startedOn: '2015-01-01', endedOn })).errors).toBeUndefined();
    };
    await add2('Advisor Now', 'ADVISOR');
    await add2('Advisor Before', 'ADVISOR', '2018-12-31');
    await add2('Board Chair', 'BOARD_MEMBER');
    await add2('Staff Member', 'STAFF');
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization {
      advisoryCommittee { totalCount nodes { role person { name } } }
      formerAdvisors: advisoryCommittee(current: false) { nodes { person { name } } }
      allAdvisors: advisoryCommittee(current: null) { totalCount }
      board { nodes { role person { name } } } } } }`;
    const { data, errors } = await request<{ _entities: Record<string, { totalCount?: number; nodes?: { role?: string; person: { name: string } }[] }>[] }>(
      query,
      { r: [{ __typename: 'Organization', id: organizationId }] },
    );
    expect(errors).toBeUndefined();
    const [organization] = data!._entities;
    expect(organization.advisoryCommittee).toEqual({ totalCount: 1, nodes: [{ role: 'ADVISOR', person: { name: 'Advisor Now' } }] });
    expect(organization.formerAdvisors.nodes).toEqual([{ person: { name: 'Advisor Before' } }]);
    expect(organization.allAdvisors.totalCount).toBe(2);
    expect(organization.board.nodes).toEqual([{ role: 'BOARD_MEMBER', person: { name: 'Board Chair' } }]);
  });

  it("gives the Chengdu NGO Service Park's advisory committee of six: Xu Qizhi, Guo Hong and four unnamed experts", async () => {
    const { data } = await request<{ _entities: { advisoryCommittee: { totalCount: number; nodes: { person: { name: string } }[] } }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { advisoryCommittee { totalCount nodes { person { name } } } } } }`,
      { r: [{ __typename: 'Organization', id: seedId('org:chengdu-ngo-service-park') }] },
    );
    expect(data!._entities[0].advisoryCommittee.totalCount).toBe(6);
    expect(data!._entities[0].advisoryCommittee.nodes.map((n) => n.person.name).sort()).toEqual([
      'Advisory committee expert 3 (unnamed in the source)',
      'Advisory committee expert 4 (unnamed in the source)',
      'Advisory committee expert 5 (unnamed in the source)',
      'Advisory committee expert 6 (unnamed in the source)',
      'Guo Hong',
      'Xu Qizhi',
    ]);
  });

  it('answers Organization.people for ids that are not UUIDs with an empty list, not an error', async () => {
    const [organization] = await organizationPeople(['not-a-uuid']);
    expect(organization).toMatchObject({ id: 'not-a-uuid', people: { totalCount: 0, nodes: [] } });
  });

  it('resolves Organization.people for 22 organizations with as many SQL statements as for 2', async () => {
    const organizationIds = [
      'npi',
      'npi-chengdu',
      'chengdu-ngo-service-park',
      'sowossky',
      'swufe',
      'taiwan-red-cross',
      'chengdu-municipal-government',
      'chengdu-social-organization-development-foundation',
      'chengdu-community-elderly-care-center',
      'chengdu-migrant-children-center',
      'chengdu-community-legal-aid',
      'spinachina',
      'shanghai-united-foundation',
      'npi-beijing',
      'npi-shenzhen',
      'pudong-civil-affairs-bureau',
    ].map((slug) => seedId(`org:${slug}`));
    for (let i = 1; organizationIds.length < 22; i++) {
      const organizationId = await hub.createOrganization(`Chengdu Community Group ${i}`);
      const personId = await newPerson(`Member ${i}`);
      expect((await add({ personId, organizationId, role: 'FOUNDER' })).errors).toBeUndefined();
      organizationIds.push(organizationId);
    }
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id people(first: 5) {
      totalCount nodes { role current organization { id } person { name affiliations(first: 3) { totalCount nodes { role } } } } } } } }`;
    const statementsFor = async (ids: string[]) => {
      const before = await subgraph.sqlStatements();
      const { data, errors } = await request<{ _entities: OrganizationPeople[] }>(query, { r: ids.map((id) => ({ __typename: 'Organization', id })) });
      expect(errors).toBeUndefined();
      expect(data!._entities.map((e) => e.id)).toEqual(ids);
      expect(data!._entities.at(-1)!.people.nodes[0].person.name).toBe(ids.length === 22 ? 'Member 6' : 'He Jun');
      return (await subgraph.sqlStatements()) - before;
    };
    const forTwo = await statementsFor(organizationIds.slice(0, 2));
    const forAll = await statementsFor(organizationIds);
    expect(forAll).toBe(forTwo);
    // rows + totals of Organization.people, the people, rows + totals of Person.affiliations
    expect(forAll).toBe(5);
  });
});
