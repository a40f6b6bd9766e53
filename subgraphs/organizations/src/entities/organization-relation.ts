import { Check, Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/postgresql';
import { newId, Provenance, PROVENANCE_FIELD_DESCRIPTION } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { OrganizationRelationKind } from '../vocabulary/organization-relation-kind';
import { Organization } from './organization';

/**
 * A tie from one organization to another. At most one active (not ended) relation of a kind
 * joins two organizations; symmetric kinds count A→B and B→A as the same relation. The partial
 * unique indexes hold this also under concurrent writes.
 */
@Entity({ tableName: 'organization_relation' })
@Index({ properties: ['fromOrganization', 'startedOn', 'id'] })
@Index({ properties: ['toOrganization', 'startedOn', 'id'] })
@Index({
  name: 'organization_relation_active_unique',
  expression:
    'create unique index "organization_relation_active_unique" on "organizations"."organization_relation" ("kind", "from_organization_id", "to_organization_id") where "ended_on" is null',
})
@Index({
  name: 'organization_relation_active_symmetric_unique',
  expression:
    'create unique index "organization_relation_active_symmetric_unique" on "organizations"."organization_relation" ("kind", least("from_organization_id", "to_organization_id"), greatest("from_organization_id", "to_organization_id")) where "ended_on" is null and "kind" in (\'PARTNER\', \'CO_ORGANIZER\')',
})
@Check({ name: 'organization_relation_not_self_check', expression: 'from_organization_id <> to_organization_id' })
@Check({ name: 'organization_relation_dates_check', expression: 'ended_on >= started_on' })
@ObjectType({ description: 'A relation from one organization to another: partner, member, supervising unit, replicated model, co-organizer.' })
export class OrganizationRelation {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the relation (a UUID).' })
  id: string = newId();

  @Enum({ items: () => OrganizationRelationKind })
  @Field(() => OrganizationRelationKind, { description: 'What the relation is; read it as "from <kind> to".' })
  kind: OrganizationRelationKind;

  /** Served as the `from` field, through the organization loader. */
  @ManyToOne(() => Organization, { index: false })
  fromOrganization: Rel<Organization>;

  /** Served as the `to` field, through the organization loader. */
  @ManyToOne(() => Organization, { index: false })
  toOrganization: Rel<Organization>;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the relation began, if known.' })
  startedOn?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the relation ended; null while it is active.' })
  endedOn?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the relation consists of, e.g. "operates the park on behalf of the city".' })
  note?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
