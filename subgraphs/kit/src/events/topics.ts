/** A reference to an entity of the federated graph, resolved by the gateway per subscriber. */
export interface EntityRef {
  id: string;
}

/**
 * The payload of an outbox event as stored and read back, whatever its topic (a publisher writes
 * its topic's `TopicPayload`, see topic-contract.ts). `refs` name the entities a subscriber may
 * select fields of (keyed by the event type's field, e.g. `grant`); `fields` are the event's own
 * values (e.g. a change kind); `match` holds what subscription filters compare (city, kind,
 * skills…), and `previousMatch` what they compared before the change; `summary` is one line for a
 * feed, never with a person's name (feeds are public).
 */
export interface EventPayload {
  summary: string;
  city?: string | null;
  causes?: string[];
  refs: Record<string, EntityRef>;
  fields?: Record<string, unknown>;
  match?: Record<string, unknown>;
  /**
   * For a change to an existing entity: what `match` held before it. A subscriber whose filter
   * the entity passed before and fails now receives the event once, as leaving (`matches: false`).
   */
  previousMatch?: Record<string, unknown>;
}

/** The Postgres channel an outbox insert notifies at commit; the payload is the schema name. */
export const OUTBOX_CHANNEL = 'ngo_hub_outbox';
