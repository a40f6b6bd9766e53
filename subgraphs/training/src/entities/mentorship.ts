import { Check, Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/postgresql';
import { DateTimeScalar, newId, Provenance, PROVENANCE_FIELD_DESCRIPTION } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { MentorshipKind } from '../vocabulary/mentorship-kind';
import { MentorshipStatus } from '../vocabulary/mentorship-status';
import { Course } from './course';

@Entity({ tableName: 'mentorship' })
@Index({ properties: ['mentorId', 'createdAt', 'id'] })
@Index({ properties: ['menteeId', 'createdAt', 'id'] })
@Index({ properties: ['course', 'createdAt', 'id'] })
@Unique({
  name: 'mentorship_open_pair_unique',
  expression: `create unique index "mentorship_open_pair_unique" on "training"."mentorship" ("mentor_id", "mentee_id", "kind") where "status" in ('PROPOSED', 'ACTIVE')`,
})
@Check({ name: 'mentorship_two_people_check', expression: 'mentor_id <> mentee_id' })
@Check({ name: 'mentorship_dates_check', expression: 'ended_on is null or started_on is null or ended_on >= started_on' })
@ObjectType({ description: 'An experienced person mentoring or supervising another, within a course or on their own.' })
export class Mentorship {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the mentorship.' })
  id: string = newId();

  /** A Person of the people subgraph. */
  @Property({ type: 'uuid' })
  mentorId: string;

  /** A Person of the people subgraph; never the mentor. */
  @Property({ type: 'uuid' })
  menteeId: string;

  @Enum({ items: () => MentorshipKind })
  @Field(() => MentorshipKind, { description: 'MENTORING, or individual SUPERVISION.' })
  kind: MentorshipKind;

  @ManyToOne(() => Course, { nullable: true })
  course?: Course;

  @Enum({ items: () => MentorshipStatus })
  @Field(() => MentorshipStatus, { description: 'PROPOSED, ACTIVE, COMPLETED or ENDED.' })
  status: MentorshipStatus;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What it works on, e.g. "casework supervision" or "fundraising".' })
  focus?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'The day it started; null while PROPOSED.' })
  startedOn?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'The day it completed or ended; null while open.' })
  endedOn?: string;

  /** Millisecond precision, as JS keeps it, so that a page cursor holds the exact value. */
  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When it was recorded in the hub; lists of mentorships follow this order.' })
  createdAt: Opt<Date> = new Date();

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
