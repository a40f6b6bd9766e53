import { ConnectionArgs } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MentorshipKind } from '../vocabulary/mentorship-kind';
import { MentorshipStatus } from '../vocabulary/mentorship-status';

@InputType({ description: 'A mentorship agreed in principle, to start later.' })
export class ProposeMentorshipInput {
  @Field(() => ID, { description: 'The mentor or supervisor: an existing Person.' })
  mentorId: string;

  @Field(() => ID, { description: 'The mentee or supervisee: an existing Person, not the mentor.' })
  menteeId: string;

  @Field(() => MentorshipKind, { description: 'MENTORING, or individual SUPERVISION.' })
  kind: MentorshipKind;

  @Field(() => ID, { nullable: true, description: 'The course it is part of, if any; the mentee must be ENROLLED in it or have COMPLETED it.' })
  courseId?: string | null;

  @Field(() => String, { nullable: true, description: 'What it works on.' })
  focus?: string | null;
}

@InputType({ description: 'A mentorship that starts now (or started on a past day).' })
export class StartMentorshipInput extends ProposeMentorshipInput {
  @Field(() => Date, { nullable: true, description: 'The day it started; default today, never in the future.' })
  startedOn?: string | null;
}

@ArgsType()
export class MentorshipListArgs extends ConnectionArgs {
  @Field(() => MentorshipStatus, { nullable: true, description: 'Only mentorships with this status.' })
  status?: MentorshipStatus;

  @Field(() => MentorshipKind, { nullable: true, description: 'Only mentorships of this kind.' })
  kind?: MentorshipKind;
}
