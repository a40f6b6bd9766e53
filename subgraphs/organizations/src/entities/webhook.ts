import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/postgresql';
import { DateTimeScalar, newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { SectorActivityKind } from '../events/sector-activity.event';
import { WebhookStatus } from '../vocabulary/webhook-status';
import { Organization } from './organization';
import { WebhookFilter } from './webhook-filter';

/**
 * An HTTPS endpoint of a partner organization that receives the hub's events, signed with the
 * webhook's secret (Standard Webhooks). The gateway's deliverer follows the hub event log for it
 * from `lastEventId` and records each delivery (`webhook_delivery`).
 */
@Entity({ tableName: 'webhook' })
@Index({ properties: ['organization', 'createdAt'] })
@ObjectType({
  description: "An endpoint of an organization that receives the hub's events as signed HTTP POSTs (Standard Webhooks). For the organization's admins.",
})
export class Webhook {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the webhook (a UUID).' })
  id: string = newId();

  /** Resolved by WebhookResolver.organization (through the organizations loader). */
  @ManyToOne(() => Organization, { index: false })
  organization: Rel<Organization>;

  @Property({ type: 'text' })
  @Field({ description: 'Where events are POSTed: https://, or http://localhost in development.' })
  url: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the endpoint is for, e.g. "grants mirror".' })
  description?: string | null;

  @Enum({ items: () => SectorActivityKind, array: true })
  @Field(() => [SectorActivityKind], { description: 'The kinds of events sent.' })
  topics: SectorActivityKind[];

  @Property({ type: 'jsonb' })
  @Field(() => WebhookFilter, { description: 'Which events of those kinds are sent.' })
  filter: WebhookFilter = {};

  /** The signing secret (`whsec_` + base64), shown once; the deliverer signs with it. */
  @Property({ type: 'text' })
  secret: string;

  /** The secret before the last rotation, still signed with (a second signature) until `previousSecretUntil`. */
  @Property({ type: 'text', nullable: true })
  previousSecret?: string | null;

  @Property({ type: 'datetime', nullable: true })
  previousSecretUntil?: Date | null;

  @Property({ type: 'boolean', default: true })
  @Field(() => Boolean, { description: 'False while an admin has switched it off; events then wait (from where it stopped) until it is enabled again.' })
  enabled: Opt<boolean> = true;

  @Enum({ items: () => WebhookStatus, default: WebhookStatus.ACTIVE })
  @Field(() => WebhookStatus, { description: 'ACTIVE, or FAILING once a delivery exhausted its retry schedule (delivery paused).' })
  status: Opt<WebhookStatus> = WebhookStatus.ACTIVE;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "Why it is FAILING: the last attempt's status or error." })
  statusReason?: string | null;

  /**
   * The deliverer's cursor: the last event of the hub event log it has taken for this endpoint
   * (delivered, or held as the PENDING delivery in front); null until it first looks.
   */
  @Property({ type: new BigIntType('string'), nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: 'The last event of the hub event log taken for this endpoint (delivered or being delivered); null until the first.',
  })
  lastEventId?: string | null;

  /** Who created it: `person:<id>`, `api-key:<id>` or `hub-admin`. */
  @Property({ type: 'text' })
  createdBy: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When it was registered; events from then on are sent.' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  @Field(() => DateTimeScalar, { description: 'When it was last changed.' })
  updatedAt: Opt<Date> = new Date();
}
