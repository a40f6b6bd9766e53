import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Course } from '../entities/course';
import { Mentorship } from '../entities/mentorship';
import { PersonRef, personRef } from '../entities/person-ref';
import { ProposeMentorshipInput, StartMentorshipInput } from '../inputs/mentorship.input';
import { mentorshipPeople, mentorshipSubjectById } from '../services/auth-subjects';
import { courseById } from '../services/courses';
import { acceptMentorship, endMentorship, proposeMentorship, startMentorship } from '../services/mentorships';
import { MentorshipEnding } from '../vocabulary/mentorship-status';

@ObjectType({ description: 'The result of a change to a mentorship.' })
export class MentorshipPayload {
  @Field(() => Mentorship, { description: 'The mentorship as saved.' })
  mentorship: Mentorship;
}

@Resolver(() => Mentorship)
export class MentorshipResolver {
  @Mutation(() => MentorshipPayload, { description: 'Records a mentorship agreed in principle (PROPOSED), to start later with acceptMentorship.' })
  @Auth(AuthRule.SELF, (_source, args: { input: ProposeMentorshipInput }) => mentorshipPeople(args.input))
  async proposeMentorship(
    @Arg('input', () => ProposeMentorshipInput, { description: 'The mentor, the mentee and the kind.' }) input: ProposeMentorshipInput,
    @Ctx() ctx: HubContext,
  ): Promise<MentorshipPayload> {
    return { mentorship: await proposeMentorship(ctx.em, ctx.references, input) };
  }

  @Mutation(() => MentorshipPayload, {
    description:
      'Records a mentorship or individual supervision that is under way (ACTIVE). Mentor and mentee are existing, different people, with one open mentorship of a kind at a time.',
  })
  @Auth(AuthRule.SELF, (_source, args: { input: StartMentorshipInput }) => mentorshipPeople(args.input))
  async startMentorship(
    @Arg('input', () => StartMentorshipInput, { description: 'The mentor, the mentee, the kind and the start.' }) input: StartMentorshipInput,
    @Ctx() ctx: HubContext,
  ): Promise<MentorshipPayload> {
    return { mentorship: await startMentorship(ctx.em, ctx.references, input) };
  }

  @Mutation(() => MentorshipPayload, { description: 'Starts a PROPOSED mentorship (ACTIVE).' })
  @Auth(AuthRule.SELF, (_source, args: { id: string }, ctx: HubContext) => mentorshipSubjectById(ctx, args.id))
  async acceptMentorship(
    @Arg('id', () => ID, { description: 'The proposed mentorship.' }) id: string,
    @Arg('startedOn', () => Date, { nullable: true, description: 'The day it started; default today, never in the future.' })
    startedOn: string | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<MentorshipPayload> {
    return { mentorship: await acceptMentorship(ctx.em, id, startedOn) };
  }

  @Mutation(() => MentorshipPayload, { description: 'Completes an ACTIVE mentorship, or ends an ACTIVE or PROPOSED one early.' })
  @Auth(AuthRule.SELF, (_source, args: { id: string }, ctx: HubContext) => mentorshipSubjectById(ctx, args.id))
  async endMentorship(
    @Arg('id', () => ID, { description: 'The mentorship to end.' }) id: string,
    @Arg('outcome', () => MentorshipEnding, { description: 'COMPLETED (it ran its course) or ENDED (stopped early, or withdrawn).' }) outcome: MentorshipEnding,
    @Arg('endedOn', () => Date, { nullable: true, description: 'The day it ended; default today, never in the future nor before it started.' })
    endedOn: string | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<MentorshipPayload> {
    return { mentorship: await endMentorship(ctx.em, id, outcome, endedOn) };
  }

  @FieldResolver(() => PersonRef, { description: 'The mentor or supervisor.' })
  mentor(@Root() mentorship: Mentorship): PersonRef {
    return personRef(mentorship.mentorId);
  }

  @FieldResolver(() => PersonRef, { description: 'The mentee or supervisee.' })
  mentee(@Root() mentorship: Mentorship): PersonRef {
    return personRef(mentorship.menteeId);
  }

  @FieldResolver(() => Course, { nullable: true, description: 'The course it is part of; null when standalone.' })
  course(@Root() mentorship: Mentorship, @Ctx() ctx: HubContext): Promise<Course | null> | null {
    return mentorship.course ? ctx.loaders.load(courseById, mentorship.course.id) : null;
  }
}
