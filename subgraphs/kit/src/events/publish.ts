import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox-event';
import type { EventPayload, EventTopic } from './topics';

/**
 * Records an event for the change being made with `em`. The row is flushed with the change, in
 * the same transaction: call it inside `em.transactional` (or before the flush that writes the
 * change); if the transaction rolls back, the event never existed.
 */
export function publishEvent(em: EntityManager, topic: EventTopic, payload: EventPayload): OutboxEvent {
  const event = new OutboxEvent(topic, payload);
  em.persist(event);
  return event;
}
