import { randomUUID } from 'node:crypto';
import { gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { liveClient, Subscription } from './setup/live';

async function mutate<T>(query: string, input: Record<string, unknown>): Promise<T> {
  const { data, errors } = await gql<T>(query, { input }, adminHeaders());
  expect(errors).toBeUndefined();
  return data!;
}

const organization = (name: string, kind = 'NGO', city = 'Aliasville') =>
  mutate<{ createOrganization: { organization: { id: string } } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    {
      name,
      kind,
      city,
      causeAreas: ['EDUCATION'],
    },
  ).then((d) => d.createOrganization.organization.id);

// The entity part of a subscription, asked the same way over HTTP: a client's fragments and aliases as they are.
const GRANT_SELECTION = `
  ...GrantPart
  ... on Grant { r: recipient { n: name c: city } }
  recipient { name }
  again: title`;
const GRANT_PART = `fragment GrantPart on Grant { t: title amount: amountAwarded { a: amount cur: currency } id }`;
const FRAGMENTS = `${GRANT_PART}
  fragment Award on GrantAwardedEvent { gr: grant { ${GRANT_SELECTION} } }`;

describe('any selection on a subscription', () => {
  const client = liveClient();
  let funder: string;
  let recipient: string;

  beforeAll(async () => {
    funder = await organization('Alias Foundation', 'FOUNDATION');
    recipient = await organization('Alias School');
  });
  afterAll(() => client.dispose());

  it('answers aliases on the root field, the event fields and the entity fields, in fragments and inline fragments, exactly as HTTP does', async () => {
    const subscription = new Subscription<Record<string, Record<string, unknown>>>(
      client,
      `subscription($funder: ID!) {
        g: grantAwarded(filter: { funder: $funder }) {
          id: eventId
          at: occurredAt
          ...Award
          ... on GrantAwardedEvent { other: grant { title: id } }
          __typename
        }
      }
      ${FRAGMENTS}`,
      { funder },
    );
    await subscription.ready('grantAwarded');
    const { awardGrant } = await mutate<{ awardGrant: { grant: { id: string } } }>(
      `mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`,
      {
        identifier: `360G-alias-${Date.now()}`,
        title: 'Alias grant',
        amountAwarded: { amount: '4321.00', currency: 'CNY' },
        awardDate: '2026-11-02',
        recipientOrganizationId: recipient,
        fundingOrganizationId: funder,
      },
    );
    const [result] = await subscription.take(1);
    expect(result!.errors).toBeUndefined();
    const event = result!.data!.g!;
    expect(Object.keys(event)).toEqual(['id', 'at', 'gr', 'other', '__typename']);
    expect(event.id).toMatch(/^\d+$/);
    expect(event.__typename).toBe('GrantAwardedEvent');
    expect(event.other).toEqual({ title: awardGrant.grant.id });

    const overHttp = await gql<{ gr: unknown }>(`query($id: ID!) { gr: grant(id: $id) { ${GRANT_SELECTION} } } ${GRANT_PART}`, { id: awardGrant.grant.id });
    expect(overHttp.errors).toBeUndefined();
    expect(JSON.stringify(event.gr)).toBe(JSON.stringify(overHttp.data!.gr));
    subscription.stop();
  });

  it('answers the same field under several aliases with different arguments and variables', async () => {
    const subscription = new Subscription<{ a: { first: { name: string; people: { totalCount: number } }; second: { n: string; p: { totalCount: number } } } }>(
      client,
      `subscription($city: String!, $first: Int!) {
        a: organizationChanged(filter: { city: $city }) {
          first: organization { name people(first: $first) { totalCount } }
          second: organization { n: name p: people(first: 1) { totalCount } }
        }
      }`,
      { city: 'Aliasville', first: 2 },
    );
    await subscription.ready('organizationChanged');
    await organization('Alias Newcomer');
    const [result] = await subscription.take(1);
    expect(result!.errors).toBeUndefined();
    expect(result!.data!.a).toEqual({ first: { name: 'Alias Newcomer', people: { totalCount: 0 } }, second: { n: 'Alias Newcomer', p: { totalCount: 0 } } });
    subscription.stop();
  });
  it("reports a field error of a merged fetch at each subscriber's own aliases, the path HTTP reports for the same selection", async () => {
    type Answer = { data?: Record<string, unknown> | null; errors?: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] };
    const city = `Errorville ${randomUUID().slice(0, 8)}`;
    // three anonymous subscribers (API keys are for the organization's admins), merged into one fetch of the event
    const subscriptions = {
      aliased: `c: organizationChanged(filter: { city: $city }) { o: organization { n: name keys: apiKeys { id } } }`,
      plain: `organizationChanged(filter: { city: $city }) { organization { name website apiKeys { id } } }`,
      fragment: `changed: organizationChanged(filter: { city: $city }) { org: organization { ...Keys } }`,
    };
    const KEYS = `fragment Keys on Organization { k: apiKeys { i: id } name }`;
    const entityPart: Record<keyof typeof subscriptions, string> = {
      aliased: `o: organization(id: $id) { n: name keys: apiKeys { id } }`,
      plain: `organization(id: $id) { name website apiKeys { id } }`,
      fragment: `org: organization(id: $id) { ...Keys }`,
    };
    const live = Object.fromEntries(
      Object.entries(subscriptions).map(([name, field]) => [
        name,
        new Subscription(client, `subscription($city: String!) { ${field} } ${name === 'fragment' ? KEYS : ''}`, { city }),
      ]),
    ) as Record<keyof typeof subscriptions, Subscription>;
    for (const subscription of Object.values(live)) await subscription.ready('organizationChanged', 1);
    const id = await organization('Erring Org', 'NGO', city);

    for (const name of Object.keys(subscriptions) as (keyof typeof subscriptions)[]) {
      const [event] = (await live[name].take(1)) as Answer[];
      const overHttp = (await gql(`query($id: ID!) { ${entityPart[name]} } ${name === 'fragment' ? KEYS : ''}`, { id })) as Answer;
      expect(overHttp.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const rootKey = Object.keys(event!.data!)[0]!;
      // the same error as over HTTP (message, code, path), under the subscription's own root key
      expect([name, event!.errors]).toEqual([name, overHttp.errors!.map((e) => ({ ...e, path: [rootKey, ...e.path!] }))]);
      live[name].stop();
    }
  });
});
