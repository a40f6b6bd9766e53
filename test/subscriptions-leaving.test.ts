import { gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { liveClient, Subscription } from './setup/live';

async function must<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const { data, errors } = await gql<T>(query, variables, adminHeaders());
  expect(errors).toBeUndefined();
  return data!;
}

const create = (name: string, city: string) =>
  must<{ createOrganization: { organization: { id: string } } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    {
      input: { name, kind: 'NGO', city, causeAreas: ['ENVIRONMENT'] },
    },
  ).then((d) => d.createOrganization.organization.id);

const update = (id: string, input: Record<string, unknown>) =>
  must(`mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { id } } }`, { id, input });

type Changed = { organizationChanged: { matches: boolean; change: string; organization: { name: string; city: string } } };

describe('a change that takes an entity out of a filter', () => {
  const client = liveClient();
  afterAll(() => client.dispose());

  it('is delivered once as leaving (matches: false) to the filter it left, and as entering to the one it joined', async () => {
    const query = `subscription($city: String!) { organizationChanged(filter: { city: $city }) { matches change organization { name city } } }`;
    const leaving = new Subscription<Changed>(client, query, { city: 'Leaveton' });
    const joining = new Subscription<Changed>(client, query, { city: 'Arriveton' });
    const feed = new Subscription<{ sectorActivity: { kind: string; city: string; matches: boolean } }>(
      client,
      `subscription { sectorActivity(filter: { city: "Leaveton", cause: ENVIRONMENT }) { kind city matches } }`,
    );
    await leaving.ready('organizationChanged', 2);
    await feed.ready('sectorActivity');

    const id = await create('Moving Environment Group', 'Leaveton');
    await leaving.take(1);
    await update(id, { city: 'Arriveton' }); // leaves Leaveton, joins Arriveton
    await update(id, { description: 'Still in Arriveton' }); // outside Leaveton before and after: not for it
    await update(id, { city: 'Leaveton' }); // back
    expect((await leaving.take(3)).map((r) => r.data!.organizationChanged.matches)).toEqual([true, false, true]);
    expect(leaving.results.map((r) => r.data!.organizationChanged.change)).toEqual(['CREATED', 'UPDATED', 'UPDATED']);

    // Arriveton: the move in, the update while there, the move out
    expect((await joining.take(3)).map((r) => r.data!.organizationChanged.matches)).toEqual([true, true, false]);
    expect((await feed.take(3)).map((r) => r.data!.sectorActivity.matches)).toEqual([true, false, true]);
    await leaving.quietFor(800, 3);
    await joining.quietFor(0, 3);
    for (const s of [leaving, joining, feed]) s.stop();
  });
});
