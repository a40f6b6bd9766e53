import { anyOfTopics, atLeast, contains, defineFeed, defineTopic, equal, type FilterRules, type SubscriptionContract } from './topic-contract';

/** An organization joined the hub or changed (organizations). */
export const ORGANIZATION_CHANGED = defineTopic({
  topic: 'ORGANIZATION_CHANGED',
  match: { city: 'text', kind: 'text', cause: 'texts', organization: 'text' },
  refs: { organization: 'Organization' },
  fields: ['change'],
  subscription: { field: 'organizationChanged', eventType: 'OrganizationChangedEvent', filterInput: 'OrganizationChangedFilter' },
  filter: { city: equal('city'), kind: equal('kind'), cause: contains('cause') },
});

/** A funder awarded a grant (funding). `organization` holds recipient and funder. */
export const GRANT_AWARDED = defineTopic({
  topic: 'GRANT_AWARDED',
  match: { funder: 'text', recipient: 'text', city: 'text', amount: 'money', cause: 'texts', organization: 'texts' },
  refs: { grant: 'Grant', organization: 'Organization' },
  fields: [],
  subscription: { field: 'grantAwarded', eventType: 'GrantAwardedEvent', filterInput: 'GrantAwardedFilter' },
  filter: { funder: equal('funder'), recipient: equal('recipient'), city: equal('city'), minAmount: atLeast('amount') },
});

/** An organization opened a job posting (people). */
export const JOB_POSTED = defineTopic({
  topic: 'JOB_POSTED',
  match: { city: 'text', kind: 'text', skill: 'texts', cause: 'texts', organization: 'text' },
  refs: { jobPosting: 'JobPosting', organization: 'Organization' },
  fields: [],
  subscription: { field: 'jobPosted', eventType: 'JobPostedEvent', filterInput: 'JobPostedFilter' },
  filter: { city: equal('city'), kind: equal('kind'), skill: contains('skill') },
});

/** An enrollment was made or changed status (training). */
export const ENROLLMENT_CHANGED = defineTopic({
  topic: 'ENROLLMENT_CHANGED',
  match: { course: 'text', city: 'text', cause: 'texts', person: 'text' },
  refs: { enrollment: 'Enrollment' },
  fields: ['status'],
  subscription: { field: 'enrollmentChanged', eventType: 'EnrollmentChangedEvent' },
  filter: { course: equal('course') },
});

/** Every topic, in the order SectorActivityKind lists them. */
export const HUB_TOPICS = [ORGANIZATION_CHANGED, GRANT_AWARDED, JOB_POSTED, ENROLLMENT_CHANGED] as const;
export type HubTopic = (typeof HUB_TOPICS)[number];

/** What the hub's live updates are about; each is written by the subgraph that owns the change. */
export const EVENT_TOPICS = HUB_TOPICS.map((t) => t.topic) as readonly HubTopic['topic'][];
export type EventTopic = HubTopic['topic'];

/** The contract of each topic, by its name. */
export const TOPIC_CONTRACTS = Object.fromEntries(HUB_TOPICS.map((t) => [t.topic, t])) as Readonly<Record<EventTopic, HubTopic>>;

/** Everything that changes in the sector, for a dashboard feed (and for webhooks). */
export const SECTOR_ACTIVITY = defineFeed({
  field: 'sectorActivity',
  eventType: 'SectorActivityEvent',
  filterInput: 'SectorActivityFilter',
  topics: HUB_TOPICS,
  filter: { city: equal('city'), cause: contains('cause'), kinds: anyOfTopics() },
});

/** The subscription fields the gateway serves, by field name. */
export const SUBSCRIPTION_CONTRACTS: Readonly<Record<string, SubscriptionContract>> = Object.fromEntries(
  [...HUB_TOPICS.map((t) => t.subscription), SECTOR_ACTIVITY].map((s) => [s.field, s]),
);

/** The fields of a webhook's filter (WebhookFilter): the feed's (a webhook has topics, not kinds) and its topics' own. */
export const WEBHOOK_FILTER_FIELDS = ['city', 'cause', 'funder', 'recipient', 'minAmount', 'skill', 'course'] as const;

/**
 * The rules a webhook's filter is matched with for an event of `topic`: the feed's for the fields
 * it has, the topic's own subscription's for the others. A field neither declares (`funder` for a
 * job posting) does not hold back the topic's events.
 */
export function webhookFilterRules(topic: EventTopic): FilterRules {
  const own = TOPIC_CONTRACTS[topic].subscription.filter;
  const rules: Record<string, FilterRules[string]> = {};
  for (const field of WEBHOOK_FILTER_FIELDS) {
    const rule = SECTOR_ACTIVITY.filter[field] ?? own[field];
    if (rule) rules[field] = rule;
  }
  return rules;
}

/** The topics a webhook filter field applies to: every topic for the feed's fields, else those whose subscription has it (`funder`: GRANT_AWARDED). */
export function webhookFilterTopics(field: (typeof WEBHOOK_FILTER_FIELDS)[number]): readonly EventTopic[] {
  return EVENT_TOPICS.filter((topic) => webhookFilterRules(topic)[field] !== undefined);
}
