import { Check, Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/postgresql';
import { newId, Provenance, PROVENANCE_FIELD_DESCRIPTION } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { IncubationStatus } from '../vocabulary/incubation-status';
import { IncubationSupport } from '../vocabulary/incubation-support';
import { IncubationCohort } from './incubation-cohort';
import { Organization } from './organization';

@Entity({ tableName: 'incubation_membership' })
@Unique({ properties: ['cohort', 'organization'] })
@Index({ properties: ['cohort', 'appliedOn', 'id'] })
@Index({ properties: ['organization', 'appliedOn', 'id'] })
@Check({ name: 'incubation_membership_dates_check', expression: 'ended_on >= started_on' })
@ObjectType({ description: "An organization's place in an incubation cohort: its status, dates and the support it received." })
export class IncubationMembership {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the membership (a UUID).' })
  id: string = newId();

  /** Served as the `cohort` field, through the cohort loader. */
  @ManyToOne(() => IncubationCohort, { index: false })
  cohort: Rel<IncubationCohort>;

  /** Served as the `organization` field, through the organization loader. */
  @ManyToOne(() => Organization, { index: false })
  organization: Rel<Organization>;

  @Enum({ items: () => IncubationStatus })
  @Field(() => IncubationStatus, { description: 'Where the organization stands in the cohort.' })
  status: IncubationStatus;

  @Property({ type: 'date' })
  @Field(() => Date, { description: 'When the organization applied, or was admitted when it was admitted without applying.' })
  appliedOn: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When incubation began (admission); null while APPLIED or when it left before admission.' })
  startedOn?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the organization graduated or left; null while APPLIED or ACTIVE.' })
  endedOn?: string;

  @Enum({ items: () => IncubationSupport, array: true, default: [] })
  @Field(() => [IncubationSupport], { description: 'What the incubator provided: desk, event space, capacity building, mentoring, seed funding.' })
  supports: Opt<IncubationSupport[]> = [];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
