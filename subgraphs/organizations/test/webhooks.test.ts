import { asAdmin, asMember, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { Webhook } from '../src/entities/webhook';
import { WebhookDelivery } from '../src/entities/webhook-delivery';
import { SectorActivityKind } from '../src/events/sector-activity.event';
import { MAX_WEBHOOKS_PER_ORGANIZATION } from '../src/services/webhooks';
import { WebhookStatus } from '../src/vocabulary/webhook-status';
import { createOrganization, failure, ok, unique } from './support/fixtures';

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url topics status enabled filter { city cause funder minAmount { amount currency } course } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookInput!) { updateWebhook(id: $id, input: $input) { webhook { id url topics enabled status statusReason filter { city skill } } } }`;

type Created = {
  createWebhook: { secret: string; webhook: { id: string; url: string; topics: string[]; status: string; enabled: boolean; filter: Record<string, unknown> } };
};

describe('webhooks of an organization', () => {
  let subgraph: TestSubgraph;
  let organizationId: string;
  const admin = () => subgraph.as(asMember(organizationId, 'ADMIN'));

  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph);
    organizationId = await createOrganization(subgraph.as(asAdmin()) as TestSubgraph, { name: unique('Webhook Partner'), kind: 'NGO', city: 'Chengdu' });
  });
  afterAll(() => subgraph?.stop());

  const create = (input: Record<string, unknown>, as = admin()) =>
    as.request<Created>(CREATE, { input: { organizationId, url: 'https://partner.example.org/hooks', topics: ['GRANT_AWARDED'], ...input } });

  it("registers an endpoint for the organization's admins with a secret shown once; editors and other organizations are refused", async () => {
    const created = await create({ description: ' grants mirror ' });
    expect(created.errors).toBeUndefined();
    const { secret, webhook } = created.data!.createWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(webhook).toMatchObject({ url: 'https://partner.example.org/hooks', topics: ['GRANT_AWARDED'], status: 'ACTIVE', enabled: true });
    expect(failure(await create({}, subgraph.as(asMember(organizationId, 'EDITOR')))).code).toBe('FORBIDDEN');
    const other = await createOrganization(subgraph.as(asAdmin()) as TestSubgraph, { name: unique('Other Partner'), kind: 'NGO' });
    expect(failure(await create({}, subgraph.as(asMember(other, 'ADMIN')))).code).toBe('FORBIDDEN');
    // the secret is no field of Webhook: only createWebhook and rotateWebhookSecret answer it
    expect(failure(await admin().request(`query($id: ID!) { webhook(id: $id) { secret } }`, { id: webhook.id })).code).toBe('GRAPHQL_VALIDATION_FAILED');
    const read = await ok<{ webhook: { organization: { id: string; name: string } } }>(
      admin() as TestSubgraph,
      `query($id: ID!) { webhook(id: $id) { organization { id name } } }`,
      { id: webhook.id },
    );
    expect(read.webhook.organization).toEqual({ id: organizationId, name: expect.stringMatching(/^Webhook Partner/) });
  });

  it('takes https URLs to public hosts in production, and http://localhost only in development', async () => {
    expect((await create({ url: 'http://localhost:9000/hooks' })).errors).toBeUndefined();
    const mode = process.env.HUB_MODE;
    process.env.HUB_MODE = 'production';
    try {
      for (const url of [
        'http://localhost:9000/hooks',
        'http://partner.example.org/hooks',
        'https://10.0.0.7/hooks',
        'https://169.254.169.254/latest',
        'https://[::1]/hooks',
      ]) {
        expect([url, failure(await create({ url }))]).toEqual([url, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url' })]);
      }
      expect((await create({ url: 'https://partner.example.org/hooks' })).errors).toBeUndefined();
    } finally {
      if (mode === undefined) delete process.env.HUB_MODE;
      else process.env.HUB_MODE = mode;
    }
  });

  it("keeps the subscriptions' filters exact, and a topic's own filter fields only with that topic", async () => {
    const created = await create({
      topics: ['GRANT_AWARDED', 'GRANT_AWARDED', 'ENROLLMENT_CHANGED'],
      filter: { city: ' Chengdu ', cause: 'ELDERLY_CARE', funder: organizationId.toUpperCase(), minAmount: { amount: '1000', currency: 'CNY' } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createWebhook.webhook).toMatchObject({
      topics: ['GRANT_AWARDED', 'ENROLLMENT_CHANGED'],
      filter: { city: 'Chengdu', cause: 'ELDERLY_CARE', funder: organizationId, minAmount: { amount: '1000.00', currency: 'CNY' }, course: null },
    });
    expect(failure(await create({ filter: { course: organizationId } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.course' });
    expect(failure(await create({ filter: { funder: 'the big foundation' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.funder' });
    expect(failure(await create({ filter: { minAmount: { amount: '10', currency: 'XYZ' } } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.minAmount.currency',
    });
    expect(failure(await create({ topics: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topics' });
    expect(failure(await create({ description: 'x'.repeat(301) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });

    const id = created.data!.createWebhook.webhook.id;
    // changing the topics checks the filter kept against them
    expect(failure(await admin().request(UPDATE, { id, input: { topics: ['JOB_POSTED'] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.funder' });
    const updated = await admin().request<{ updateWebhook: { webhook: { topics: string[]; filter: { city: string; skill: string } } } }>(UPDATE, {
      id,
      input: { topics: ['JOB_POSTED'], filter: { city: 'Chengdu', skill: 'casework' } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateWebhook.webhook).toMatchObject({ topics: ['JOB_POSTED'], filter: { city: 'Chengdu', skill: 'casework' } });
    // a webhook that does not exist is NOT_FOUND before any rights are weighed (as every row the kit's rules look up)
    expect(failure(await admin().request(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { enabled: false } }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    expect(failure(await admin().request(UPDATE, { id: 'not-an-id', input: { enabled: false } }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('lets an organization register at most a bounded number of endpoints', async () => {
    const organization = await createOrganization(subgraph.as(asAdmin()) as TestSubgraph, { name: unique('Busy Partner'), kind: 'NGO' });
    const as = subgraph.as(asMember(organization, 'ADMIN'));
    for (let i = 0; i < MAX_WEBHOOKS_PER_ORGANIZATION; i++) {
      const result = await as.request(CREATE, {
        input: { organizationId: organization, url: `https://partner.example.org/hooks/${i}`, topics: ['JOB_POSTED'] },
      });
      expect(result.errors).toBeUndefined();
    }
    const refused = await as.request(CREATE, {
      input: { organizationId: organization, url: 'https://partner.example.org/hooks/one-more', topics: ['JOB_POSTED'] },
    });
    expect(failure(refused)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/at most 20 webhooks/) });
  });

  it('rotates the secret keeping the old one for a day; enabling a FAILING webhook resumes it; a pending delivery is not redelivered', async () => {
    const { id } = (await create({})).data!.createWebhook.webhook;
    const before = await subgraph.running.orm.em.fork().findOneOrFail(Webhook, id);
    const rotated = await ok<{ rotateWebhookSecret: { secret: string } }>(
      admin() as TestSubgraph,
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      { id },
    );
    const after = await subgraph.running.orm.em.fork().findOneOrFail(Webhook, id);
    expect(after.secret).toBe(rotated.rotateWebhookSecret.secret);
    expect(after.previousSecret).toBe(before.secret);
    expect(after.previousSecretUntil!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

    // what the gateway's deliverer writes when a delivery exhausts its schedule
    const em = subgraph.running.orm.em.fork();
    const webhook = await em.findOneOrFail(Webhook, id);
    webhook.status = WebhookStatus.FAILING;
    webhook.statusReason = 'event 7 failed 8 attempts; the last: the endpoint answered 500';
    const pending = em.create(WebhookDelivery, { webhook, eventId: '7', topic: SectorActivityKind.GRANT_AWARDED, body: '{}', nextAttemptAt: new Date() });
    await em.flush();

    const redeliver = await admin().request(`mutation($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { delivery { id } } }`, { id: pending.id });
    expect(failure(redeliver)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/still PENDING/) });
    expect(
      failure(
        await subgraph
          .as(asMember(organizationId, 'EDITOR'))
          .request(`mutation($id: ID!) { redeliverWebhookEvent(deliveryId: $id) { delivery { id } } }`, { id: pending.id }),
      ).code,
    ).toBe('FORBIDDEN');

    const resumed = await ok<{ updateWebhook: { webhook: { status: string; statusReason: string | null; enabled: boolean } } }>(
      admin() as TestSubgraph,
      UPDATE,
      { id, input: { enabled: true } },
    );
    expect(resumed.updateWebhook.webhook).toEqual(expect.objectContaining({ status: 'ACTIVE', statusReason: null, enabled: true }));

    const deliveries = await ok<{ webhook: { deliveries: { totalCount: number; nodes: { eventId: string; status: string }[] } } }>(
      admin() as TestSubgraph,
      `query($id: ID!) { webhook(id: $id) { deliveries(status: PENDING) { totalCount nodes { eventId status } } } }`,
      { id },
    );
    expect(deliveries.webhook.deliveries).toEqual({ totalCount: 1, nodes: [{ eventId: '7', status: 'PENDING' }] });
  });
});
