import { Check, Embedded, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/postgresql';
import { newId, Provenance, PROVENANCE_FIELD_DESCRIPTION } from '@ngo-hub/kit/model';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IncubationProgramme } from './incubation-programme';

@Entity({ tableName: 'incubation_cohort' })
@Unique({ properties: ['programme', 'name'] })
@Index({ properties: ['programme', 'startsOn', 'id'] })
@Check({ name: 'incubation_cohort_dates_check', expression: 'ends_on >= starts_on' })
@ObjectType({ description: 'One intake of an incubation programme: the organizations incubated together over the same period.' })
export class IncubationCohort {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the cohort (a UUID).' })
  id: string = newId();

  /** Served as the `programme` field, through the programme loader. */
  @ManyToOne(() => IncubationProgramme, { index: false })
  programme: Rel<IncubationProgramme>;

  @Property({ type: 'text' })
  @Field({ description: 'Name of the cohort, e.g. "First cohort" (第一期); unique within its programme.' })
  name: string;

  @Property({ type: 'int' })
  @Field(() => Int, { description: 'The year the cohort is known by (by default the year it starts).' })
  year: number;

  @Property({ type: 'date' })
  @Field(() => Date, { description: 'First day of the incubation period.' })
  startsOn: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last day of the incubation period, when fixed.' })
  endsOn?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
