import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { SessionStatus } from '../vocabulary/session-status';
import { Course } from './course';

const TIME = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

@Entity({ tableName: 'session' })
@Index({ properties: ['course', 'orderKey', 'id'] })
@Index({ properties: ['instructorId', 'orderKey', 'id'] })
@Check({ name: 'session_start_time_check', expression: `start_time is null or start_time ~ ${TIME}` })
@Check({ name: 'session_end_time_check', expression: `end_time is null or (start_time is not null and end_time ~ ${TIME} and end_time > start_time)` })
@ObjectType({ description: 'One dated meeting of a course: a class, a workshop day, a group supervision.' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the session.' })
  id: string = newId();

  @ManyToOne(() => Course)
  course: Course;

  @Property({ type: 'date' })
  @Field(() => Date, { name: 'date', description: "The day it takes place, within the course's dates." })
  heldOn: string;

  /** "HH:MM", local time in the course's time zone; text so that it sorts and compares as written. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Start, "HH:MM" in the course\'s time zone; null when not fixed.' })
  startTime?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'End, "HH:MM" in the course\'s time zone, after the start.' })
  endTime?: string;

  @Property({ type: 'text' })
  @Field({ description: 'What it is about, in English.' })
  topic: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What it is about, in Chinese.' })
  topicZh?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where it takes place, e.g. "Chengdu NGO Service Park, room 2"; null when online only.' })
  place?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Link to join online; null when in person only.' })
  onlineUrl?: string;

  /** A Person of the people subgraph. */
  @Property({ type: 'uuid', nullable: true })
  instructorId?: string;

  @Enum({ items: () => SessionStatus, default: SessionStatus.SCHEDULED })
  @Field(() => SessionStatus, { description: 'SCHEDULED, or CANCELLED.' })
  status: Opt<SessionStatus> = SessionStatus.SCHEDULED;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was cancelled, when it was.' })
  cancellationReason?: string;

  /** Day and start ("2011-09-03T09:00"): the order of a course's and an instructor's sessions, and their page cursors. */
  @Property({ type: 'text' })
  orderKey: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

export function sessionOrderKey(heldOn: string, startTime: string | null | undefined): string {
  return `${heldOn}T${startTime ?? '00:00'}`;
}
