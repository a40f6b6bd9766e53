import { atLeast, SUBSCRIPTION_CONTRACTS, TOPIC_CONTRACTS, type EventTopic, type FilterRules } from '@ngo-hub/kit/common';
import { matchesFilter as matchesWith } from '../event-filter';

/** Matched with the rules of the topic's own subscription (sectorActivity's for `kinds`), as the contracts declare them. */
function matchesFilter(filter: Record<string, unknown>, topic: EventTopic, match?: Record<string, unknown>, rules?: FilterRules): boolean {
  const own = TOPIC_CONTRACTS[topic].subscription.filter;
  return matchesWith(rules ?? ('kinds' in filter ? SUBSCRIPTION_CONTRACTS.sectorActivity!.filter : own), filter, topic, match);
}

describe('matchesFilter', () => {
  const grant = { funder: 'org-1', recipient: 'org-2', city: 'Chengdu', amount: { amount: '50000.00', currency: 'CNY' } };

  it('lets every event through an empty filter, and ignores filter fields given as null', () => {
    expect(matchesFilter({}, 'GRANT_AWARDED', grant)).toBe(true);
    expect(matchesFilter({ funder: null, city: undefined }, 'GRANT_AWARDED', grant)).toBe(true);
  });

  it('needs every field given to match (equal; strings ignoring case)', () => {
    expect(matchesFilter({ funder: 'org-1', city: 'chengdu' }, 'GRANT_AWARDED', grant)).toBe(true);
    expect(matchesFilter({ funder: 'org-1', city: 'Shanghai' }, 'GRANT_AWARDED', grant)).toBe(false);
    expect(matchesFilter({ recipient: 'org-9' }, 'GRANT_AWARDED', grant)).toBe(false);
  });

  it('tells accented letters apart while ignoring case', () => {
    expect(matchesFilter({ city: 'ZÜRICH' }, 'ORGANIZATION_CHANGED', { city: 'zürich' })).toBe(true);
    expect(matchesFilter({ city: 'Zurich' }, 'ORGANIZATION_CHANGED', { city: 'Zürich' })).toBe(false);
  });

  it('does not match an event that lacks the filtered field', () => {
    expect(matchesFilter({ city: 'Chengdu' }, 'ORGANIZATION_CHANGED', {})).toBe(false);
    expect(matchesFilter({ city: 'Chengdu' }, 'ORGANIZATION_CHANGED')).toBe(false);
  });

  it('matches a value the event holds in a list (e.g. one of its causes or skills)', () => {
    const posting = { city: 'Beijing', skill: ['Fundraising', 'Excel'] };
    expect(matchesFilter({ skill: 'excel' }, 'JOB_POSTED', posting)).toBe(true);
    expect(matchesFilter({ skill: 'Python' }, 'JOB_POSTED', posting)).toBe(false);
  });

  it('takes a list in the filter as any of its values, an empty list as no condition', () => {
    expect(matchesFilter({ city: ['Shanghai', 'Chengdu'] }, 'GRANT_AWARDED', grant)).toBe(true);
    expect(matchesFilter({ city: ['Shanghai', 'Beijing'] }, 'GRANT_AWARDED', grant)).toBe(false);
    expect(matchesFilter({ city: [] }, 'GRANT_AWARDED', grant)).toBe(true);
  });

  it('compares minAmount with the event amount: the same currency and at least as much', () => {
    expect(matchesFilter({ minAmount: { amount: '50000.00', currency: 'CNY' } }, 'GRANT_AWARDED', grant)).toBe(true);
    expect(matchesFilter({ minAmount: { amount: '9999.99', currency: 'cny' } }, 'GRANT_AWARDED', grant)).toBe(true);
    expect(matchesFilter({ minAmount: { amount: '50000.01', currency: 'CNY' } }, 'GRANT_AWARDED', grant)).toBe(false);
    expect(matchesFilter({ minAmount: { amount: '1.00', currency: 'USD' } }, 'GRANT_AWARDED', grant)).toBe(false);
    expect(matchesFilter({ minAmount: { amount: '1.00', currency: 'CNY' } }, 'GRANT_AWARDED', { funder: 'org-1' })).toBe(false);
  });

  it('compares decimals exactly, not as floating point or as text', () => {
    const big = { amount: { amount: '100000000000000000.01', currency: 'CNY' } };
    expect(matchesFilter({ minAmount: { amount: '100000000000000000.00', currency: 'CNY' } }, 'GRANT_AWARDED', big)).toBe(true);
    expect(matchesFilter({ minAmount: { amount: '100000000000000000.02', currency: 'CNY' } }, 'GRANT_AWARDED', big)).toBe(false);
    expect(matchesFilter({ minAmount: { amount: '9', currency: 'CNY' } }, 'GRANT_AWARDED', { amount: { amount: '10', currency: 'CNY' } })).toBe(true);
  });

  it('compares a plain minX with x as a number', () => {
    const capacity = { minCapacity: atLeast('capacity') };
    expect(matchesFilter({ minCapacity: '10' }, 'ENROLLMENT_CHANGED', { capacity: 12 }, capacity)).toBe(true);
    expect(matchesFilter({ minCapacity: '13' }, 'ENROLLMENT_CHANGED', { capacity: 12 }, capacity)).toBe(false);
    expect(matchesFilter({ minCapacity: '1' }, 'ENROLLMENT_CHANGED', {}, capacity)).toBe(false);
  });

  it("takes sectorActivity's kinds as the event's topic", () => {
    expect(matchesFilter({ kinds: ['GRANT_AWARDED', 'JOB_POSTED'] }, 'JOB_POSTED')).toBe(true);
    expect(matchesFilter({ kinds: ['GRANT_AWARDED'] }, 'JOB_POSTED')).toBe(false);
    expect(matchesFilter({ kinds: [] }, 'JOB_POSTED')).toBe(true);
    expect(matchesFilter({ kinds: null }, 'JOB_POSTED')).toBe(true);
  });
});
