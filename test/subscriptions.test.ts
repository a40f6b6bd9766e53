import { gql, gatewayUrl } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { gatewayCounter, liveClient, Subscription, subscribersReady } from './setup/live';

const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`;
const AWARD = `mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`;

async function organization(name: string, city: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { data, errors } = await gql<{ createOrganization: { organization: { id: string } } }>(
    CREATE_ORGANIZATION,
    { input: { name, kind: 'NGO', city, causeAreas: ['ELDERLY_CARE'], ...extra } },
    adminHeaders(),
  );
  expect(errors).toBeUndefined();
  return data!.createOrganization.organization.id;
}

let grantNumber = 0;
async function award(funder: string, recipient: string, amount: string): Promise<string> {
  grantNumber += 1;
  const { data, errors } = await gql<{ awardGrant: { grant: { id: string } } }>(
    AWARD,
    {
      input: {
        identifier: `360G-live-${Date.now()}-${grantNumber}`,
        title: `Live grant ${grantNumber}`,
        amountAwarded: { amount, currency: 'CNY' },
        awardDate: '2026-11-01',
        recipientOrganizationId: recipient,
        fundingOrganizationId: funder,
      },
    },
    adminHeaders(),
  );
  expect(errors).toBeUndefined();
  return data!.awardGrant.grant.id;
}

describe('live updates over graphql-ws, through the gateway', () => {
  const client = liveClient();
  let funder: string;
  let recipient: string;

  beforeAll(async () => {
    funder = await organization('Live Updates Foundation', 'Chengdu', { kind: 'FOUNDATION' });
    recipient = await organization('Live Updates Elderly Care', 'Chengdu');
  });

  afterAll(async () => {
    await client.dispose();
  });

  it('delivers an award committed over HTTP with fields of three subgraphs resolved', async () => {
    const subscription = new Subscription<{
      grantAwarded: {
        eventId: string;
        occurredAt: string;
        grant: {
          id: string;
          title: string;
          amountAwarded: { amount: string; currency: string };
          recipient: { name: string; city: string; people: { totalCount: number } };
        };
      };
    }>(
      client,
      `subscription($funder: ID!) {
        grantAwarded(filter: { funder: $funder }) {
          eventId occurredAt
          grant { id title amountAwarded { amount currency } recipient { name city people { totalCount } } }
        }
      }`,
      { funder },
    );
    await subscription.ready('grantAwarded');
    const grantId = await award(funder, recipient, '120000.50');
    const [result] = await subscription.take(1);
    expect(result!.errors).toBeUndefined();
    const event = result!.data!.grantAwarded;
    expect(event.eventId).toMatch(/^\d+$/);
    expect(new Date(event.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(event.grant).toEqual({
      id: grantId,
      title: expect.stringMatching(/^Live grant/),
      amountAwarded: { amount: '120000.50', currency: 'CNY' },
      recipient: { name: 'Live Updates Elderly Care', city: 'Chengdu', people: { totalCount: 0 } },
    });
    subscription.stop();
  });

  it('delivers nothing for a mutation that rolled back, and the next committed one in order', async () => {
    const subscription = new Subscription<{ organizationChanged: { eventId: string; change: string; organization: { name: string } } }>(
      client,
      `subscription { organizationChanged(filter: { city: "Rollbackville" }) { eventId change organization { name } } }`,
    );
    await subscription.ready('organizationChanged');
    const creditCode = '91510100MA61R8XQ28';
    await organization('Rollback First', 'Rollbackville', { registration: { status: 'REGISTERED', creditCode, legalForm: 'SOCIAL_SERVICE_ORGANIZATION' } });
    // same credit code: the insert fails at flush, after the event row was queued: the transaction rolls back
    const duplicate = await gql(
      CREATE_ORGANIZATION,
      {
        input: {
          name: 'Rollback Duplicate',
          kind: 'NGO',
          city: 'Rollbackville',
          registration: { status: 'REGISTERED', creditCode, legalForm: 'SOCIAL_SERVICE_ORGANIZATION' },
        },
      },
      adminHeaders(),
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await organization('Rollback Second', 'Rollbackville');
    const results = await subscription.take(2);
    expect(results.map((r) => r.data!.organizationChanged.organization.name)).toEqual(['Rollback First', 'Rollback Second']);
    expect(Number(results[1]!.data!.organizationChanged.eventId)).toBeGreaterThan(Number(results[0]!.data!.organizationChanged.eventId));
    await subscription.quietFor(1500, 2);
    subscription.stop();
  });

  it("filters by the subscription's arguments", async () => {
    const chengdu = new Subscription<{ grantAwarded: { grant: { amountAwarded: { amount: string } } } }>(
      client,
      `subscription($recipient: ID!) { grantAwarded(filter: { recipient: $recipient, city: "chengdu", minAmount: { amount: "1000", currency: "CNY" } }) { grant { amountAwarded { amount } } } }`,
      { recipient },
    );
    await chengdu.ready('grantAwarded');
    await award(funder, recipient, '999.99'); // below the minimum
    await award(funder, recipient, '1000.00');
    const [result] = await chengdu.take(1);
    expect(result!.data!.grantAwarded.grant.amountAwarded.amount).toBe('1000.00');
    await chengdu.quietFor(1000, 1);
    chengdu.stop();
  });

  it('resolves an event once for all subscribers with the same selection', async () => {
    const query = `subscription($funder: ID!) { grantAwarded(filter: { funder: $funder }) { grant { id title } } }`;
    const subscriptions = Array.from({ length: 5 }, () => new Subscription(client, query, { funder }));
    await subscribersReady('grantAwarded', 5);
    const before = await gatewayCounter('ngohub_event_payload_resolutions_total');
    await award(funder, recipient, '500.00');
    await Promise.all(subscriptions.map((s) => s.take(1)));
    const after = await gatewayCounter('ngohub_event_payload_resolutions_total');
    expect(after - before).toBe(1);
    for (const s of subscriptions) s.stop();
  });

  it('resumes after the last event seen: the missed events first, in order, then live ones, none twice', async () => {
    const first = new Subscription<{ organizationChanged: { eventId: string; organization: { name: string } } }>(
      client,
      `subscription { organizationChanged(filter: { city: "Resumeton" }) { eventId organization { name } } }`,
    );
    await first.ready('organizationChanged');
    await organization('Resume A', 'Resumeton');
    const [seen] = await first.take(1);
    first.stop();
    const lastEventId = seen!.data!.organizationChanged.eventId;
    await organization('Resume B', 'Resumeton');
    await organization('Resume C', 'Resumeton');

    const resumed = liveClient({ connectionParams: { lastEventId } });
    const again = new Subscription<{ organizationChanged: { eventId: string; organization: { name: string } } }>(
      resumed,
      `subscription { organizationChanged(filter: { city: "Resumeton" }) { eventId organization { name } } }`,
    );
    const missed = await again.take(2);
    expect(missed.map((r) => r.data!.organizationChanged.organization.name)).toEqual(['Resume B', 'Resume C']);
    await organization('Resume D', 'Resumeton');
    const all = await again.take(3);
    expect(all.map((r) => r.data!.organizationChanged.organization.name)).toEqual(['Resume B', 'Resume C', 'Resume D']);
    const ids = all.map((r) => Number(r.data!.organizationChanged.eventId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    await again.quietFor(500, 3);
    again.stop();

    // `since` on the field does the same, per subscription
    const since = new Subscription<{ organizationChanged: { organization: { name: string } } }>(
      client,
      `subscription($since: ID!) { organizationChanged(filter: { city: "Resumeton" }, since: $since) { organization { name } } }`,
      { since: lastEventId },
    );
    expect((await since.take(3)).map((r) => r.data!.organizationChanged.organization.name)).toEqual(['Resume B', 'Resume C', 'Resume D']);
    since.stop();
    await resumed.dispose();
  });

  it('feeds sectorActivity from every subgraph, with its own filter', async () => {
    const feed = new Subscription<{
      sectorActivity: { kind: string; summary: string; city: string; causes: string[]; organization: { name: string } | null; grant: { id: string } | null };
    }>(
      client,
      `subscription { sectorActivity(filter: { city: "Chengdu", cause: ELDERLY_CARE }) { kind summary city causes organization { name } grant { id } } }`,
    );
    await feed.ready('sectorActivity');
    const grantId = await award(funder, recipient, '2000.00');
    await organization('Feed Newcomer', 'Chengdu');
    await organization('Feed Elsewhere', 'Shanghai');
    const [awarded, joined] = await feed.take(2);
    expect(awarded!.data!.sectorActivity).toMatchObject({
      kind: 'GRANT_AWARDED',
      city: 'Chengdu',
      grant: { id: grantId },
      organization: { name: 'Live Updates Elderly Care' },
    });
    expect(awarded!.data!.sectorActivity.summary).toBe('Live Updates Foundation awarded 2000.00 CNY to Live Updates Elderly Care');
    expect(joined!.data!.sectorActivity).toMatchObject({
      kind: 'ORGANIZATION_CHANGED',
      organization: { name: 'Feed Newcomer' },
      grant: null,
      causes: ['ELDERLY_CARE'],
    });
    await feed.quietFor(800, 2);
    feed.stop();
  });

  it('answers bad subscriptions with clear errors and keeps serving', async () => {
    const unknownField = new Subscription(client, `subscription { noSuchThing { eventId } }`);
    expect(await unknownField.firstError()).toMatchObject({ message: expect.stringContaining('Cannot query field "noSuchThing"') });
    const badSince = new Subscription(client, `subscription { organizationChanged(since: "yesterday") { eventId } }`);
    expect(await badSince.firstError()).toMatchObject({ message: expect.stringContaining('not an event id'), extensions: { code: 'BAD_USER_INPUT' } });
    const badAmount = new Subscription(client, `subscription { grantAwarded(filter: { minAmount: { amount: "lots", currency: "CNY" } }) { eventId } }`);
    expect(await badAmount.firstError()).toMatchObject({ message: expect.stringContaining('not a decimal amount'), extensions: { code: 'BAD_USER_INPUT' } });
    const { data } = await gql<{ organizations: { totalCount: number } }>(`{ organizations(first: 1) { totalCount } }`);
    expect(data!.organizations.totalCount).toBeGreaterThan(0);
    expect(gatewayUrl()).toMatch(/\/graphql$/);
  });
});
