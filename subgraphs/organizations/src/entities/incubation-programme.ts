import { Embedded, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/postgresql';
import { CreatedAt, newId, Provenance, PROVENANCE_FIELD_DESCRIPTION, UpdatedAt } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { Organization } from './organization';

@Entity({ tableName: 'incubation_programme' })
@Unique({ properties: ['incubator', 'name'] })
@Index({ properties: ['name', 'id'] })
@ObjectType({ description: 'An incubation programme run by an incubator organization, with its cohorts of incubated organizations.' })
export class IncubationProgramme {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the programme (a UUID).' })
  id: string = newId();

  /** Served as the `incubator` field, through the organization loader. */
  @ManyToOne(() => Organization, { index: false })
  incubator: Rel<Organization>;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, e.g. "Chengdu NGO Service Park Incubation Programme".' })
  name: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Name in Chinese, e.g. 成都公益组织服务园孵化计划.' })
  nameZh?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'City where the programme runs, in English.' })
  city?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the programme offers and whom it admits.' })
  description?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Description in Chinese.' })
  descriptionZh?: string;

  @CreatedAt()
  createdAt!: Opt<Date>;

  @UpdatedAt("When the programme last changed (milliseconds, the hub's clock).")
  updatedAt!: Opt<Date>;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
