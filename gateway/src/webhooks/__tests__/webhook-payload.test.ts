import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEBHOOK_SELECTION, webhookWants, type WebhookSubscription } from '../webhook-payload';

const event = (topic: string, match: Record<string, unknown>) => ({ topic, payload: { summary: '', refs: {}, match } }) as never;

describe('what a webhook receives', () => {
  const grants: WebhookSubscription = {
    organizationId: 'o',
    topics: ['GRANT_AWARDED', 'ORGANIZATION_CHANGED'],
    filter: { city: 'chengdu', minAmount: { amount: '1000.00', currency: 'CNY' } },
  };

  it('takes events of its topics that pass its filter, matched as the subscriptions match them', () => {
    const award = { city: 'Chengdu', amount: { amount: '5000.00', currency: 'CNY' }, cause: [] };
    expect(webhookWants(grants, event('GRANT_AWARDED', award))).toBe(true);
    expect(webhookWants(grants, event('GRANT_AWARDED', { ...award, amount: { amount: '999.99', currency: 'CNY' } }))).toBe(false);
    expect(webhookWants(grants, event('GRANT_AWARDED', { ...award, amount: { amount: '5000.00', currency: 'USD' } }))).toBe(false);
    expect(webhookWants(grants, event('GRANT_AWARDED', { ...award, city: 'Shanghai' }))).toBe(false);
    // a grant-only filter field does not hold back the other topics' events
    expect(webhookWants(grants, event('ORGANIZATION_CHANGED', { city: 'Chengdu', kind: 'NGO' }))).toBe(true);
    expect(webhookWants(grants, event('JOB_POSTED', { city: 'Chengdu' }))).toBe(false);
  });

  it('selects only fields the published API has', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', '..', 'schema', 'api.graphql'), 'utf8'));
    expect(validate(schema, parse(WEBHOOK_SELECTION)).map((e) => e.message)).toEqual([]);
  });
});
