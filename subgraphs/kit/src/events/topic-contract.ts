import type { EntityRef } from './topics';

/**
 * The contract of a topic of the hub's event log, declared once and read by both sides: the
 * subgraph that publishes (its payload type comes from the declaration, so a match key, ref or
 * field the topic does not declare is a type error) and the gateway that delivers (it matches
 * filters, finds entity lookups and own fields from the declaration, never from names).
 */

/** The entity types events refer to, and the root query that fetches one by id (`grant(id:)`). */
export const EVENT_ENTITIES = {
  Organization: { lookup: 'organization' },
  Grant: { lookup: 'grant' },
  JobPosting: { lookup: 'jobPosting' },
  Enrollment: { lookup: 'enrollment' },
} as const;
export type EventEntity = keyof typeof EVENT_ENTITIES;

/** What an event's `match` holds under one key: text (or null), a list of texts, an amount of money, a number. */
export type MatchKind = 'text' | 'texts' | 'money' | 'number';
export type MatchSpec = Readonly<Record<string, MatchKind>>;

export interface MatchMoney {
  amount: string;
  currency: string;
}

type MatchValue<K extends MatchKind> = K extends 'text' ? string | null : K extends 'texts' ? string[] : K extends 'money' ? MatchMoney : number;

/** The `match` (and `previousMatch`) a publisher of a topic writes: every declared key, no other. */
export type MatchOf<M extends MatchSpec> = { [P in keyof M]: MatchValue<M[P]> };

/**
 * How one filter field of a subscription compares with an event:
 * - `equal`: the match value under `key` is the filter's (text ignoring case, not accents); a
 *   list given in the filter is any of its values, an empty one no condition;
 * - `contains`: the match holds a list under `key` that has the filter's value (or any of a list);
 * - `atLeast`: the match's amount under `key` is at least the filter's (money: in the same currency);
 * - `anyOfTopics`: the filter lists topics (sectorActivity's `kinds`); the event's is one of them.
 */
export type FilterRule =
  | { readonly compare: 'equal'; readonly key: string }
  | { readonly compare: 'contains'; readonly key: string }
  | { readonly compare: 'atLeast'; readonly key: string }
  | { readonly compare: 'anyOfTopics' };

export type FilterRules = Readonly<Record<string, FilterRule>>;

/** Rules whose keys must name match keys of the right kind. */
type TypedRule<Text extends string, Texts extends string, Amount extends string> =
  | { readonly compare: 'equal'; readonly key: Text }
  | { readonly compare: 'contains'; readonly key: Texts }
  | { readonly compare: 'atLeast'; readonly key: Amount }
  | { readonly compare: 'anyOfTopics' };

type KeysOfKind<M extends MatchSpec, K extends MatchKind> = { [P in keyof M]: M[P] extends K ? P : never }[keyof M] & string;
type RuleFor<M extends MatchSpec> = TypedRule<KeysOfKind<M, 'text'>, KeysOfKind<M, 'texts'>, KeysOfKind<M, 'money' | 'number'>>;

export const equal = <const K extends string>(key: K) => ({ compare: 'equal', key }) as const;
export const contains = <const K extends string>(key: K) => ({ compare: 'contains', key }) as const;
export const atLeast = <const K extends string>(key: K) => ({ compare: 'atLeast', key }) as const;
export const anyOfTopics = () => ({ compare: 'anyOfTopics' }) as const;

/** A subscription field of the supergraph, as the gateway serves it. */
export interface SubscriptionContract {
  /** `Subscription.<field>`. */
  readonly field: string;
  /** The GraphQL type of its events. */
  readonly eventType: string;
  /** The input type of its `filter` argument; filter fields may also be arguments of the field (`enrollmentChanged(course:)`). */
  readonly filterInput?: string;
  /** The topics that feed it. */
  readonly topics: readonly string[];
  /** Its filter fields and how each compares with the event. */
  readonly filter: FilterRules;
  /** The entities its events may refer to: a field of the event type each, resolved through the federated graph. */
  readonly refs: Readonly<Record<string, EventEntity>>;
}

export interface TopicContract<
  T extends string = string,
  M extends MatchSpec = MatchSpec,
  R extends Readonly<Record<string, EventEntity>> = Readonly<Record<string, EventEntity>>,
  F extends readonly string[] = readonly string[],
> {
  readonly topic: T;
  /** What subscription filters compare: each key and the kind of value it holds. */
  readonly match: M;
  /** The entities an event refers to (by id), keyed by the event type's field. */
  readonly refs: R;
  /** The event's own values (enum values as text), each a field of the event type. */
  readonly fields: F;
  /** The topic's own subscription field. */
  readonly subscription: SubscriptionContract;
}

/**
 * Declares a topic: its match keys, refs and own fields, and its own subscription field with the
 * filter fields it takes. A filter rule naming a key the match does not declare, or one of
 * another kind (`contains` on a text), does not type-check.
 */
export function defineTopic<
  const T extends string,
  const M extends MatchSpec,
  const R extends Readonly<Record<string, EventEntity>>,
  const F extends readonly string[],
>(spec: {
  topic: T;
  match: M;
  refs: R;
  fields: F;
  subscription: { field: string; eventType: string; filterInput?: string };
  filter: NoInfer<Readonly<Record<string, RuleFor<M>>>>;
}): TopicContract<T, M, R, F> {
  const { topic, match, refs, fields, subscription, filter } = spec;
  return { topic, match, refs, fields, subscription: { ...subscription, topics: [topic], filter, refs } };
}

type CommonKeys<C extends readonly TopicContract[], K extends MatchKind> = C extends readonly [
  infer H extends TopicContract,
  ...infer Rest extends readonly TopicContract[],
]
  ? KeysOfKind<H['match'], K> & CommonKeys<Rest, K>
  : string;
type FeedRule<C extends readonly TopicContract[]> = TypedRule<CommonKeys<C, 'text'>, CommonKeys<C, 'texts'>, CommonKeys<C, 'money' | 'number'>>;

/**
 * Declares a subscription fed by several topics: its filter rules may name only match keys every
 * one of them declares (with the same kind), and its event type has a field for every ref of each.
 */
export function defineFeed<const C extends readonly TopicContract[]>(spec: {
  field: string;
  eventType: string;
  filterInput?: string;
  topics: C;
  filter: NoInfer<Readonly<Record<string, FeedRule<C>>>>;
}): SubscriptionContract {
  const refs: Record<string, EventEntity> = {};
  for (const topic of spec.topics) {
    for (const [ref, entity] of Object.entries(topic.refs)) {
      if (refs[ref] && refs[ref] !== entity) throw new Error(`${spec.field}: ref ${ref} is ${refs[ref]} in one topic and ${entity} in ${topic.topic}`);
      refs[ref] = entity;
    }
  }
  const { field, eventType, filterInput, filter } = spec;
  return { field, eventType, filterInput, topics: spec.topics.map((t) => t.topic), filter, refs };
}

type FieldsPart<F extends readonly string[]> = F extends readonly [] ? { fields?: undefined } : { fields: Record<F[number], string> };

/**
 * The payload of an event of a topic. `refs` name the entities a subscriber may select fields of;
 * `fields` are the event's own values; `match` holds what subscription filters compare, and
 * `previousMatch` (for a change to an existing entity) what they compared before the change;
 * `summary` is one line for a feed, never with a person's name (feeds are public).
 */
export type TopicPayload<C extends TopicContract> = {
  summary: string;
  city?: string | null;
  causes?: string[];
  refs: { [P in keyof C['refs']]: EntityRef };
  match: MatchOf<C['match']>;
  previousMatch?: MatchOf<C['match']>;
} & FieldsPart<C['fields']>;
