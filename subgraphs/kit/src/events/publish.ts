import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox-event';
import type { TopicContract, TopicPayload } from './topic-contract';

/**
 * Records an event of `topic` for the change being made with `em`. The payload has the shape the
 * topic declares (its match keys, refs and fields: another is a type error). The row is flushed
 * with the change, in the same transaction: call it inside `em.transactional` (or before the
 * flush that writes the change); if the transaction rolls back, the event never existed.
 */
export function publishEvent<C extends TopicContract>(em: EntityManager, topic: C, payload: TopicPayload<C>): OutboxEvent {
  const event = new OutboxEvent(topic.topic, payload);
  em.persist(event);
  return event;
}
