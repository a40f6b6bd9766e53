import { ConnectionArgs } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SessionStatus } from '../vocabulary/session-status';

@InputType({ description: 'A new session of a course.' })
export class ScheduleSessionInput {
  @Field(() => ID, { description: 'The course: an existing one.' })
  courseId: string;

  @Field(() => Date, { description: "The day, within the course's dates." })
  date: string;

  @Field(() => String, { nullable: true, description: 'Start, "HH:MM" (24-hour) in the course\'s time zone.' })
  startTime?: string | null;

  @Field(() => String, { nullable: true, description: 'End, "HH:MM" after the start; needs a start.' })
  endTime?: string | null;

  @Field({ description: 'What it is about, in English; required.' })
  topic: string;

  @Field(() => String, { nullable: true, description: 'What it is about, in Chinese.' })
  topicZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it takes place; a place or an online link (or both) is required.' })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) link to join online.' })
  onlineUrl?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who teaches it: an existing Person.' })
  instructorId?: string | null;
}

@InputType({ description: 'Changes to a scheduled session: fields left out stay as they are; null clears an optional field.' })
export class UpdateSessionInput {
  @Field(() => Date, { nullable: true, description: "The day, within the course's dates." })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Start, "HH:MM"; null: not fixed (clears the end too).' })
  startTime?: string | null;

  @Field(() => String, { nullable: true, description: 'End, "HH:MM" after the start.' })
  endTime?: string | null;

  @Field(() => String, { nullable: true, description: 'What it is about, in English; cannot be cleared.' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'What it is about, in Chinese.' })
  topicZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it takes place.' })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) link to join online.' })
  onlineUrl?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who teaches it (an existing Person); null: nobody named.' })
  instructorId?: string | null;
}

@ArgsType()
export class SessionListArgs extends ConnectionArgs {
  @Field(() => SessionStatus, { nullable: true, description: 'Only sessions with this status.' })
  status?: SessionStatus;
}
