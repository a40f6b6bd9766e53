import type { SubgraphName } from '@ngo-hub/kit';
import type { ChildService } from '@ngo-hub/kit/processes';
import { graphqlRequest, readCounter } from '@ngo-hub/kit/testing/client';
import type { Client } from 'graphql-ws';
import { gql, subgraphUrl } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { startGatewayProcess } from './setup/gateway-process';
import { gatewayCounter, liveClient, socketUrl, Subscription } from './setup/live';

const SUBGRAPHS: SubgraphName[] = ['organizations', 'people', 'funding', 'training'];

async function must<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const { data, errors } = await gql<T>(query, variables, adminHeaders());
  expect(errors).toBeUndefined();
  return data!;
}

const organization = (name: string, kind = 'NGO') =>
  must<{ createOrganization: { organization: { id: string } } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    {
      input: { name, kind, city: 'Fanout City' },
    },
  ).then((d) => d.createOrganization.organization.id);

let awards = 0;
async function award(funder: string, recipient: string): Promise<string> {
  awards += 1;
  const data = await must<{ awardGrant: { grant: { id: string } } }>(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
    input: {
      identifier: `360G-fanout-${Date.now()}-${awards}`,
      title: `Fan-out grant ${awards}`,
      amountAwarded: { amount: '700.00', currency: 'CNY' },
      awardDate: '2026-11-03',
      recipientOrganizationId: recipient,
      fundingOrganizationId: funder,
    },
  });
  return data.awardGrant.grant.id;
}

/** Requests each subgraph has answered so far. */
async function subgraphRequests(): Promise<number[]> {
  return Promise.all(SUBGRAPHS.map((name) => readCounter(subgraphUrl(name).replace(/\/graphql$/, '/metrics'), 'ngohub_graphql_requests_total')));
}

// a selection of three subgraphs; `k` makes it distinct (an argument, an alias, a fragment)
const selection = (k: number) => `grant { title recipient { name people(first: ${k}) { totalCount } } } f${k}: grant { id ...G${k} }`;
const fragment = (k: number) => `fragment G${k} on Grant { funder { n${k}: name } }`;
const subscription = (k: number) => `subscription($funder: ID!) { grantAwarded(filter: { funder: $funder }) { eventId ${selection(k)} } } ${fragment(k)}`;

describe('fan-out of one event to many selections', () => {
  let gateway: ChildService;
  const clients: Client[] = [];
  let funder: string;
  let recipient: string;

  beforeAll(async () => {
    // a gateway of its own: its counters count this file's subscriptions only
    // no webhook delivery: other files' webhooks would resolve payloads too, and the count is of subscriptions'
    gateway = await startGatewayProcess({ DATABASE_URL: process.env.TEST_DATABASE_URL!, EVENT_POLL_MS: '200', WEBHOOK_DELIVERY: 'off' });
    funder = await organization('Fan-out Foundation', 'FOUNDATION');
    recipient = await organization('Fan-out Recipient');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await gateway.stop();
  });

  async function deliver(
    ks: number[],
  ): Promise<{ requests: number[]; resolutions: number; results: Subscription<Record<string, Record<string, unknown>>>[]; grantId: string }> {
    const client = liveClient({ url: socketUrl(gateway.url) });
    clients.push(client);
    const subscriptions = ks.map((k) => new Subscription<Record<string, Record<string, unknown>>>(client, subscription(k), { funder }));
    await subscriptions[0]!.ready('grantAwarded', ks.length, gateway.url);
    const before = await subgraphRequests();
    const resolutionsBefore = await gatewayCounter('ngohub_event_payload_resolutions_total', gateway.url);
    const grantId = await award(funder, recipient);
    await Promise.all(subscriptions.map((s) => s.take(1)));
    const after = await subgraphRequests();
    const resolutions = (await gatewayCounter('ngohub_event_payload_resolutions_total', gateway.url)) - resolutionsBefore;
    for (const s of subscriptions) s.stop();
    await client.dispose();
    return { requests: after.map((n, i) => n - before[i]!), resolutions, results: subscriptions, grantId };
  }

  it("fetches an event's entities once per subgraph however many distinct selections ask, and answers each as HTTP does", async () => {
    // a first event warms the fresh gateway (its schema, plans and connections): not measured
    await deliver([1]);
    const one = await deliver([1, 1, 1, 1]);
    const many = await deliver([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(one.resolutions).toBe(1);
    expect(many.resolutions).toBe(1);
    // the award's own requests are the same in both rounds: the event's fetches are too
    expect(Object.fromEntries(SUBGRAPHS.map((name, i) => [name, many.requests[i]]))).toEqual(
      Object.fromEntries(SUBGRAPHS.map((name, i) => [name, one.requests[i]])),
    );
    for (const [i, s] of many.results.entries()) {
      const k = (i % 10) + 1;
      const event = s.results[0]!;
      expect(event.errors).toBeUndefined();
      const { eventId: _id, ...entities } = event.data!.grantAwarded!;
      const overHttp = await gql<Record<string, unknown>>(`query($id: ID!) { ${selection(k).replace(/grant \{/g, 'grant(id: $id) {')} } ${fragment(k)}`, {
        id: many.grantId,
      });
      expect(overHttp.errors).toBeUndefined();
      expect(JSON.stringify(entities)).toBe(JSON.stringify(overHttp.data));
    }
  }, 60_000);

  it('fetches once for 100 distinct selections, a merge past the client limits, which still bind clients', async () => {
    // 100 aliased `people(first: k)` side by side in the merge: twice the alias limit of one client operation
    const city = `Fanout City ${Date.now()}`;
    const people = (k: number) => `organization { name people(first: ${k}) { totalCount } }`;
    const client = liveClient({ url: socketUrl(gateway.url) });
    clients.push(client);
    const ks = Array.from({ length: 100 }, (_, i) => i + 1);
    const subscriptions = ks.map(
      (k) =>
        new Subscription<{ sectorActivity: Record<string, unknown> }>(
          client,
          `subscription($city: String!) { sectorActivity(filter: { city: $city }) { ${people(k)} } }`,
          { city },
        ),
    );
    await subscriptions[0]!.ready('sectorActivity', ks.length, gateway.url);
    const resolutionsBefore = await gatewayCounter('ngohub_event_payload_resolutions_total', gateway.url);
    const { createOrganization } = await must<{ createOrganization: { organization: { id: string } } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: 'Fan-out of a hundred', kind: 'NGO', city } },
    );
    await Promise.all(subscriptions.map((s) => s.take(1)));
    expect((await gatewayCounter('ngohub_event_payload_resolutions_total', gateway.url)) - resolutionsBefore).toBe(1);
    for (const k of [1, 37, 100]) {
      const event = subscriptions[k - 1]!.results[0]!;
      expect(event.errors).toBeUndefined();
      const overHttp = await gql<Record<string, unknown>>(`query($id: ID!) { ${people(k).replace('organization {', 'organization(id: $id) {')} }`, {
        id: createOrganization.organization.id,
      });
      expect(JSON.stringify(event.data!.sectorActivity)).toBe(JSON.stringify(overHttp.data));
    }
    for (const s of subscriptions) s.stop();

    // a client asking as much in one operation is refused, over HTTP and as a subscription
    const merged = ks.map((k) => `p${k}: people(first: ${k}) { totalCount }`).join(' ');
    const overHttp = await graphqlRequest(gateway.url, `query($id: ID!) { organization(id: $id) { ${merged} } }`, { id: createOrganization.organization.id });
    expect(overHttp.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
    const overSocket = new Subscription(client, `subscription($city: String!) { sectorActivity(filter: { city: $city }) { organization { ${merged} } } }`, {
      city,
    });
    await expect(overSocket.take(1)).rejects.toThrow(/ended after 0/);
    expect((overSocket.error as { extensions?: unknown }[])[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
  }, 90_000);
});
