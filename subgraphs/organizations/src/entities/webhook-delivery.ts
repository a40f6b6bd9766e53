import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/postgresql';
import { DateTimeScalar, newId } from '@ngo-hub/kit/model';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SectorActivityKind } from '../events/sector-activity.event';
import { WebhookDeliveryStatus } from '../vocabulary/webhook-delivery-status';
import { Webhook } from './webhook';

/**
 * One event sent (or being sent) to one webhook endpoint: written by the gateway's deliverer in
 * the transaction that moves the webhook's cursor past the event, so each event is taken once
 * per endpoint; its attempts follow the retry schedule. The body is kept: retries and
 * redeliveries send the same bytes under the same `webhook-id`.
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({ properties: ['webhook', 'createdAt'] })
@Index({ properties: ['webhook', 'status', 'eventId'] })
@ObjectType({ description: "One event sent to a webhook's endpoint, with its attempts so far." })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Identifier of the delivery; redeliverWebhookEvent takes it.' })
  id: string = newId();

  @ManyToOne(() => Webhook, { index: false, deleteRule: 'cascade' })
  webhook: Rel<Webhook>;

  @Property({ type: new BigIntType('string') })
  @Field(() => ID, { description: "The event's id in the hub event log, sent as the webhook-id header: receivers deduplicate by it." })
  eventId: string;

  @Enum({ items: () => SectorActivityKind })
  @Field(() => SectorActivityKind, { description: 'The kind of event.' })
  topic: SectorActivityKind;

  /** The JSON body as sent (signed as these exact bytes). */
  @Property({ type: 'text' })
  @Field({ description: 'The JSON body sent, exactly as signed.' })
  body: string;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when an admin asked for it again (redeliverWebhookEvent); sent outside the order of events.' })
  redelivery: Opt<boolean> = false;

  @Enum({ items: () => WebhookDeliveryStatus, default: WebhookDeliveryStatus.PENDING })
  @Field(() => WebhookDeliveryStatus, { description: 'PENDING, SUCCEEDED or FAILED.' })
  status: Opt<WebhookDeliveryStatus> = WebhookDeliveryStatus.PENDING;

  @Property({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts: Opt<number> = 0;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due; null once SUCCEEDED or FAILED.' })
  nextAttemptAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the last attempt was made.' })
  lastAttemptAt?: Date | null;

  @Property({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The HTTP status the endpoint answered the last attempt with; null when it did not answer.' })
  lastStatusCode?: number | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (a status, a timeout, a refused connection); null when it succeeded.' })
  lastError?: string | null;

  @Property({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  lastDurationMs?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the event was taken for this endpoint.' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the endpoint accepted it.' })
  deliveredAt?: Date | null;
}
