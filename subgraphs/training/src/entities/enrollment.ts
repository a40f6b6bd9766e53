import { Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/postgresql';
import {
  CreatedAt,
  Provenance,
  PROVENANCE_FIELD_DESCRIPTION,
  DateTimeScalar,
  ENTITY_DESCRIPTIONS,
  newId,
  UpdatedAt,
  CacheControl,
  CACHE_MAX_AGE,
} from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { EnrollmentStatus } from '../vocabulary/enrollment-status';
import { Course } from './course';

@Entity({ tableName: 'enrollment' })
@Unique({ properties: ['course', 'personId'] })
@Index({ properties: ['course', 'status'] })
@Index({ properties: ['personId'] })
@CacheControl({ maxAge: CACHE_MAX_AGE.default })
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Enrollment.type })
export class Enrollment {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Enrollment.id })
  id: string = newId();

  @ManyToOne(() => Course)
  course: Course;

  /** A Person of the people subgraph. */
  @Property({ type: 'uuid' })
  personId: string;

  @Enum({ items: () => EnrollmentStatus })
  @Field(() => EnrollmentStatus, { description: 'Where the person stands in the course.' })
  status: EnrollmentStatus;

  /** Millisecond precision, as JS keeps it, so that a page cursor holds the exact value. */
  @Property({ type: 'datetime', length: 3 })
  @Field(() => DateTimeScalar, { description: 'When the person applied; the waiting list moves up in this order.' })
  appliedAt: Opt<Date> = new Date();

  @CreatedAt()
  createdAt!: Opt<Date>;

  @UpdatedAt()
  updatedAt!: Opt<Date>;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
