import { gql, must } from './setup/hub';
import { adminHeaders, userHeaders } from './setup/identities';

const ADD = `mutation($input: AddAffiliationInput!) { addAffiliation(input: $input) { affiliation { id status } } }`;
const CONFIRM = `mutation($id: ID!) { confirmAffiliation(id: $id) { affiliation { status } } }`;
const PUBLIC_PEOPLE = `query($organization: ID!) { organization(id: $organization) { people { nodes { role person { id } } } } }`;

async function createPerson(name: string, visibility = 'PUBLIC'): Promise<string> {
  const data = await must<{ createPerson: { person: { id: string } } }>(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
    { input: { name, visibility } },
  );
  return data.createPerson.person.id;
}

async function createOrganization(name: string, editor: string): Promise<string> {
  const data = await must<{ createOrganization: { organization: { id: string } } }>(
    `mutation($name: String!) { createOrganization(input: { name: $name, kind: NGO, city: "Chengdu" }) { organization { id } } }`,
    { name },
  );
  const organizationId = data.createOrganization.organization.id;
  await must(`mutation($input: AddOrganizationMemberInput!) { addOrganizationMember(input: $input) { member { role } } }`, {
    input: { organizationId, personId: editor, role: 'EDITOR' },
  });
  return organizationId;
}

async function publicPeople(organization: string): Promise<string[]> {
  const { data, errors } = await gql<{ organization: { people: { nodes: { person: { id: string } }[] } } }>(PUBLIC_PEOPLE, { organization });
  expect(errors).toBeUndefined();
  return data!.organization.people.nodes.map((n) => n.person.id);
}

describe('affiliation consent through the gateway', () => {
  it("keeps a person who names themself DIRECTOR out of the organization's public people until its editor confirms", async () => {
    const editor = await createPerson('Consent E2E Editor');
    const organization = await createOrganization(`Consent E2E Society ${Date.now()}`, editor);
    const claimant = await createPerson('Consent E2E Claimant');
    const proposed = await must<{ addAffiliation: { affiliation: { id: string; status: string } } }>(
      ADD,
      { input: { personId: claimant, organizationId: organization, role: 'DIRECTOR' } },
      await userHeaders(claimant),
    );
    expect(proposed.addAffiliation.affiliation.status).toBe('AWAITING_ORGANIZATION');
    expect(await publicPeople(organization)).toEqual([]);
    const mine = await must<{ myData: { person: { pendingAffiliations: { nodes: { id: string }[] }; affiliations: { nodes: unknown[] } } } }>(
      `{ myData { person { pendingAffiliations { nodes { id } } affiliations { nodes { id } } } } }`,
      {},
      await userHeaders(claimant),
    );
    expect(mine.myData.person).toEqual({ pendingAffiliations: { nodes: [{ id: proposed.addAffiliation.affiliation.id }] }, affiliations: { nodes: [] } });

    // the organization's editor: sees the request in the organization's pending list and confirms it
    const pending = await must<{ organization: { pendingAffiliations: { nodes: { id: string }[] } } }>(
      `query($organization: ID!) { organization(id: $organization) { pendingAffiliations { nodes { id } } } }`,
      { organization },
      await userHeaders(editor),
    );
    expect(pending.organization.pendingAffiliations.nodes).toEqual([{ id: proposed.addAffiliation.affiliation.id }]);
    const confirmed = await must<{ confirmAffiliation: { affiliation: { status: string } } }>(
      CONFIRM,
      { id: proposed.addAffiliation.affiliation.id },
      await userHeaders(editor),
    );
    expect(confirmed.confirmAffiliation.affiliation.status).toBe('CONFIRMED');
    expect(await publicPeople(organization)).toEqual([claimant]);
  });

  it('never lists a PRIVATE person an editor attached until that person confirms', async () => {
    const editor = await createPerson('Consent E2E Attacher');
    const organization = await createOrganization(`Consent E2E Foundation ${Date.now()}`, editor);
    const privatePerson = await createPerson('Consent E2E Private', 'PRIVATE');
    const proposed = await must<{ addAffiliation: { affiliation: { id: string; status: string } } }>(
      ADD,
      { input: { personId: privatePerson, organizationId: organization, role: 'BOARD_MEMBER' } },
      await userHeaders(editor),
    );
    expect(proposed.addAffiliation.affiliation.status).toBe('AWAITING_PERSON');
    const byHubAdmin = await gql(CONFIRM, { id: proposed.addAffiliation.affiliation.id }, adminHeaders());
    expect(byHubAdmin.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await publicPeople(organization)).toEqual([]);

    await must(CONFIRM, { id: proposed.addAffiliation.affiliation.id }, await userHeaders(privatePerson));
    expect(await publicPeople(organization)).toEqual([privatePerson]);
  });
});
