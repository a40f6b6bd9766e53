import { ConnectionArgs, Money, money, type HubContext } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Course } from '../entities/course';
import { OrganizationRef } from '../entities/organization-ref';
import { CourseFilter, CreateCourseInput } from '../inputs/course.input';
import { EnrollmentListArgs } from '../inputs/enrollment.input';
import { offeringOrganizationsByCourse } from '../services/course-offerings';
import { courseById, createCourse, listCourses } from '../services/courses';
import { enrollmentsByCourse } from '../services/enrollment-lists';
import { seatsLeft, seatsTakenByCourse } from '../services/seats';
import { CourseConnection } from './course-connection';
import { EnrollmentConnection } from './enrollment-connection';

@ObjectType({ description: 'The result of creating a course.' })
export class CoursePayload {
  @Field(() => Course, { description: 'The course as saved.' })
  course: Course;
}

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => Course, { nullable: true, description: 'One course by id; null when there is none.' })
  course(@Arg('id', () => ID, { description: 'The course\'s id.' }) id: string, @Ctx() ctx: HubContext): Promise<Course | null> {
    return ctx.loaders.load(courseById, id);
  }

  @Query(() => CourseConnection, { description: 'Courses, filtered and paginated, in the order they start.' })
  courses(
    @Arg('filter', () => CourseFilter, { nullable: true, description: 'Conditions the courses must meet.' }) filter: CourseFilter | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listCourses(ctx.em, filter, page);
  }

  @Mutation(() => CoursePayload, { description: 'Adds a course offered by one or more existing organizations.' })
  async createCourse(@Arg('input', () => CreateCourseInput, { description: 'The course and the organizations that offer it.' }) input: CreateCourseInput, @Ctx() ctx: HubContext): Promise<CoursePayload> {
    return { course: await createCourse(ctx.em, ctx.references, input) };
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Fee per participant; null when free.' })
  fee(@Root() course: Course): Money | null {
    return course.feeAmount && course.feeCurrency ? money(course.feeAmount, course.feeCurrency) : null;
  }

  @FieldResolver(() => [OrganizationRef], { description: 'The organizations that offer the course, the lead organization first.' })
  offeredBy(@Root() course: Course, @Ctx() ctx: HubContext): Promise<OrganizationRef[]> {
    return ctx.loaders.load(offeringOrganizationsByCourse, course.id);
  }

  @FieldResolver(() => EnrollmentConnection, { description: 'Who applied, in the order they applied.' })
  enrollments(@Root() course: Course, @Args(() => EnrollmentListArgs) args: EnrollmentListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(enrollmentsByCourse, { parentId: course.id, args });
  }

  @FieldResolver(() => Int, { description: 'Seats taken: people ENROLLED or having COMPLETED the course.' })
  enrolledCount(@Root() course: Course, @Ctx() ctx: HubContext): Promise<number> {
    return ctx.loaders.load(seatsTakenByCourse, course.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Seats still free; null when the course is unlimited.' })
  async seatsLeft(@Root() course: Course, @Ctx() ctx: HubContext): Promise<number | null> {
    return course.capacity == null ? null : seatsLeft(course, await ctx.loaders.load(seatsTakenByCourse, course.id));
  }
}
