import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Course } from '../entities/course';
import { PersonRef, personRef } from '../entities/person-ref';
import { Session } from '../entities/session';
import { ScheduleSessionInput, UpdateSessionInput } from '../inputs/session.input';
import { courseById } from '../services/courses';
import { cancelSession, scheduleSession, updateSession } from '../services/sessions';
import { courseOrganizations, sessionOrganizations } from '../services/auth-subjects';

@ObjectType({ description: 'The result of a change to a session.' })
export class SessionPayload {
  @Field(() => Session, { description: 'The session as saved.' })
  session: Session;
}

@Resolver(() => Session)
export class SessionResolver {
  @Mutation(() => SessionPayload, { description: 'Adds a dated session to a course, within its dates; a named instructor must exist.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { courseId: string } }, ctx: HubContext) => courseOrganizations(ctx, args.input.courseId))
  async scheduleSession(
    @Arg('input', () => ScheduleSessionInput, { description: 'The session.' }) input: ScheduleSessionInput,
    @Ctx() ctx: HubContext,
  ): Promise<SessionPayload> {
    return { session: await scheduleSession(ctx.em, ctx.references, input) };
  }

  @Mutation(() => SessionPayload, { description: 'Changes a SCHEDULED session; fields left out stay as they are.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { id: string }, ctx: HubContext) => sessionOrganizations(ctx, args.id))
  async updateSession(
    @Arg('id', () => ID, { description: 'The session to change.' }) id: string,
    @Arg('input', () => UpdateSessionInput, { description: 'The changes.' }) input: UpdateSessionInput,
    @Ctx() ctx: HubContext,
  ): Promise<SessionPayload> {
    return { session: await updateSession(ctx.em, ctx.references, id, input) };
  }

  @Mutation(() => SessionPayload, { description: "Cancels a SCHEDULED session; it stays in the course's list as CANCELLED." })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { id: string }, ctx: HubContext) => sessionOrganizations(ctx, args.id))
  async cancelSession(
    @Arg('id', () => ID, { description: 'The session to cancel.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the participants.' }) reason: string | null | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<SessionPayload> {
    return { session: await cancelSession(ctx.em, id, reason) };
  }

  @FieldResolver(() => Course, { description: 'The course.' })
  async course(@Root() session: Session, @Ctx() ctx: HubContext): Promise<Course> {
    const course = await ctx.loaders.load(courseById, session.course.id);
    if (!course) throw new Error(`session ${session.id} points at missing course ${session.course.id}`);
    return course;
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: 'Who teaches it; null when nobody is named.' })
  instructor(@Root() session: Session): PersonRef | null {
    return session.instructorId ? personRef(session.instructorId) : null;
  }
}
