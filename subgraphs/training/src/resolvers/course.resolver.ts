import {
  Auth,
  AuthRule,
  ConnectionArgs,
  type HubContext,
  ListOrder,
  ListSize,
  Money,
  money,
  ORDER_BY_DESCRIPTION,
  CACHE_MAX_AGE,
  CacheControl,
} from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { GrantRef, grantRef } from '../entities/grant-ref';
import { OrganizationRef } from '../entities/organization-ref';
import { CourseFilter, CreateCourseInput, UpdateCourseInput } from '../inputs/course.input';
import { EnrollmentListArgs } from '../inputs/enrollment.input';
import { MentorshipListArgs } from '../inputs/mentorship.input';
import { SessionListArgs } from '../inputs/session.input';
import { offeringOrganizationsByCourse } from '../services/course-offerings';
import { courseById, createCourse, listCourses, updateCourse } from '../services/courses';
import { modulesByCourse } from '../services/curriculum';
import { enrollmentsByCourse } from '../services/enrollment-lists';
import { mentorshipsByCourse } from '../services/mentorships';
import { seatsLeft, seatsTakenByCourse } from '../services/seats';
import { sessionsByCourse } from '../services/sessions';
import { CourseConnection } from './course-connection';
import { CourseModuleConnection } from './course-module-connection';
import { EnrollmentConnection } from './enrollment-connection';
import { MentorshipConnection } from './mentorship-connection';
import { SessionConnection } from './session-connection';
import { courseOrganizations } from '../services/auth-subjects';

@ObjectType({ description: 'The result of creating a course.' })
export class CoursePayload {
  @Field(() => Course, { description: 'The course as saved.' })
  course: Course;
}

@ObjectType({ description: 'The result of changing a course.' })
export class UpdateCoursePayload {
  @Field(() => Course, { description: 'The course as saved.' })
  course: Course;

  @Field(() => [Enrollment], { description: 'Waitlisted enrollments that took seats the change freed or added, first come first served.' })
  promoted: Enrollment[];
}

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => Course, { nullable: true, description: 'One course by id; null when there is none.' })
  course(@Arg('id', () => ID, { description: "The course's id." }) id: string, @Ctx() ctx: HubContext): Promise<Course | null> {
    return ctx.loaders.load(courseById, id);
  }

  @CacheControl({ maxAge: CACHE_MAX_AGE.directory })
  @Query(() => CourseConnection, { description: 'Courses, filtered and paginated, in the order they start.' })
  courses(
    @Arg('filter', () => CourseFilter, { nullable: true, description: 'Conditions the courses must meet.' }) filter: CourseFilter | undefined,
    @Arg('orderBy', () => ListOrder, { nullable: true, description: ORDER_BY_DESCRIPTION }) orderBy: ListOrder | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listCourses(ctx.em, filter, page, orderBy);
  }

  @Mutation(() => CoursePayload, { description: 'Adds a course offered by one or more existing organizations.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { offeredByIds: string[] } }) => ({ organizationIds: args.input.offeredByIds }))
  async createCourse(
    @Arg('input', () => CreateCourseInput, { description: 'The course and the organizations that offer it.' }) input: CreateCourseInput,
    @Ctx() ctx: HubContext,
  ): Promise<CoursePayload> {
    return { course: await createCourse(ctx.em, ctx.references, input) };
  }

  @Mutation(() => UpdateCoursePayload, { description: 'Changes a course; fields left out stay as they are.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { id: string }, ctx: HubContext) => courseOrganizations(ctx, args.id, 'id'))
  updateCourse(
    @Arg('id', () => ID, { description: 'The course to change.' }) id: string,
    @Arg('input', () => UpdateCourseInput, { description: 'The changes.' }) input: UpdateCourseInput,
    @Ctx() ctx: HubContext,
  ): Promise<UpdateCoursePayload> {
    return updateCourse(ctx.em, ctx.references, id, input);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Fee per participant; null when free.' })
  fee(@Root() course: Course): Money | null {
    return course.feeAmount && course.feeCurrency ? money(course.feeAmount, course.feeCurrency) : null;
  }

  @ListSize(3)
  @FieldResolver(() => [OrganizationRef], { description: 'The organizations that offer the course, the lead organization first.' })
  offeredBy(@Root() course: Course, @Ctx() ctx: HubContext): Promise<OrganizationRef[]> {
    return ctx.loaders.load(offeringOrganizationsByCourse, course.id);
  }

  @FieldResolver(() => EnrollmentConnection, { description: 'Who applied, in the order they applied.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (course: Course, _args: unknown, ctx: HubContext) => courseOrganizations(ctx, course.id, 'id'))
  enrollments(@Root() course: Course, @Args(() => EnrollmentListArgs) args: EnrollmentListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(enrollmentsByCourse, { parentId: course.id, args });
  }

  @CacheControl({ maxAge: CACHE_MAX_AGE.aggregate })
  @FieldResolver(() => Int, { description: 'Seats taken: people ENROLLED or having COMPLETED the course.' })
  enrolledCount(@Root() course: Course, @Ctx() ctx: HubContext): Promise<number> {
    return ctx.loaders.load(seatsTakenByCourse, course.id);
  }

  @CacheControl({ maxAge: CACHE_MAX_AGE.aggregate })
  @FieldResolver(() => Int, { nullable: true, description: 'Seats still free; null when the course is unlimited.' })
  async seatsLeft(@Root() course: Course, @Ctx() ctx: HubContext): Promise<number | null> {
    return course.capacity == null ? null : seatsLeft(course, await ctx.loaders.load(seatsTakenByCourse, course.id));
  }

  @FieldResolver(() => GrantRef, { nullable: true, description: 'The grant that funds the course; null when none is recorded.' })
  fundingGrant(@Root() course: Course): GrantRef | null {
    return course.fundingGrantId ? grantRef(course.fundingGrantId) : null;
  }

  @FieldResolver(() => SessionConnection, { description: 'Its dated sessions, in the order they take place (cancelled ones too, marked so).' })
  sessions(@Root() course: Course, @Args(() => SessionListArgs) args: SessionListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(sessionsByCourse, { parentId: course.id, args });
  }

  @FieldResolver(() => CourseModuleConnection, { description: 'Its modules of lessons (distance learning), in their order.' })
  modules(@Root() course: Course, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(modulesByCourse, { parentId: course.id, args });
  }

  @FieldResolver(() => MentorshipConnection, { description: 'Mentorships and supervisions within the course, in the order they were recorded.' })
  mentorships(@Root() course: Course, @Args(() => MentorshipListArgs) args: MentorshipListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(mentorshipsByCourse, { parentId: course.id, args });
  }
}
