import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, Float, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Certificate } from '../entities/certificate';
import { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { PersonRef, personRef } from '../entities/person-ref';
import { EnrollPersonInput } from '../inputs/enrollment.input';
import { certificateByEnrollment } from '../services/certificates';
import { courseById } from '../services/courses';
import { enrollmentById } from '../services/enrollment-lists';
import { approveEnrollment, completeEnrollment, dropEnrollment, enrollPerson } from '../services/enrollments';
import { progressByEnrollment } from '../services/progress';
import { courseOrganizations, enrollmentSubject, enrollmentSubjectById } from '../services/auth-subjects';

@ObjectType({ description: 'The result of a change to an enrollment.' })
export class EnrollmentPayload {
  @Field(() => Enrollment, { description: 'The enrollment as saved.' })
  enrollment: Enrollment;
}

@ObjectType({ description: 'The result of dropping an enrollment.' })
export class DropEnrollmentPayload {
  @Field(() => Enrollment, { description: 'The dropped enrollment.' })
  enrollment: Enrollment;

  @Field(() => Enrollment, { nullable: true, description: 'The waitlisted enrollment that took the freed seat, if any.' })
  promoted: Enrollment | null;
}

@ObjectType({ description: 'The result of completing an enrollment.' })
export class CompleteEnrollmentPayload {
  @Field(() => Enrollment, { description: 'The enrollment, now COMPLETED.' })
  enrollment: Enrollment;

  @Field(() => Certificate, { description: 'The certificate issued for it.' })
  certificate: Certificate;
}

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @Query(() => Enrollment, {
    nullable: true,
    description: "One enrollment by id (personal data: for the person, the course's organizations and hub admins); null when there is none.",
  })
  // an enrollment is personal data; an unknown id has no subject, so only an admin learns it is missing
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, async (_source, args: { id: string }, ctx: HubContext) => {
    const enrollment = await ctx.loaders.load(enrollmentById, args.id);
    return enrollment ? enrollmentSubject(enrollment, ctx) : {};
  })
  enrollment(@Arg('id', () => ID, { description: "The enrollment's id." }) id: string, @Ctx() ctx: HubContext): Promise<Enrollment | null> {
    return ctx.loaders.load(enrollmentById, id);
  }

  @Mutation(() => EnrollmentPayload, {
    description:
      'Enrolls an existing person in a course: APPLIED when the course requires approval, else ENROLLED, or WAITLISTED when it is full. A person enrolls in a course once.',
  })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, async (_source, args: { input: { courseId: string; personId: string } }, ctx: HubContext) => ({
    ...(await courseOrganizations(ctx, args.input.courseId)),
    personId: args.input.personId,
  }))
  async enrollPerson(
    @Arg('input', () => EnrollPersonInput, { description: 'The course and the person.' }) input: EnrollPersonInput,
    @Ctx() ctx: HubContext,
  ): Promise<EnrollmentPayload> {
    return { enrollment: await enrollPerson(ctx.em, ctx.references, input.courseId, input.personId) };
  }

  @Mutation(() => EnrollmentPayload, { description: 'Admits an APPLIED enrollment: ENROLLED when a seat is free, else WAITLISTED. To turn it down, drop it.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, async (_source, args: { id: string }, ctx: HubContext) => ({
    organizationIds: (await enrollmentSubjectById(ctx, args.id)).organizationIds,
  }))
  async approveEnrollment(@Arg('id', () => ID, { description: 'The enrollment to approve.' }) id: string, @Ctx() ctx: HubContext): Promise<EnrollmentPayload> {
    return { enrollment: await approveEnrollment(ctx.em, id) };
  }

  @Mutation(() => DropEnrollmentPayload, {
    description: 'Drops an enrollment (or turns down an application); a freed seat goes to the first person on the waiting list.',
  })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (_source, args: { id: string }, ctx: HubContext) => enrollmentSubjectById(ctx, args.id))
  dropEnrollment(@Arg('id', () => ID, { description: 'The enrollment to drop.' }) id: string, @Ctx() ctx: HubContext): Promise<DropEnrollmentPayload> {
    return dropEnrollment(ctx.em, id);
  }

  @Mutation(() => CompleteEnrollmentPayload, { description: 'Records that an ENROLLED person completed the course, and issues their certificate.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, async (_source, args: { id: string }, ctx: HubContext) => ({
    organizationIds: (await enrollmentSubjectById(ctx, args.id)).organizationIds,
  }))
  completeEnrollment(
    @Arg('id', () => ID, { description: 'The enrollment to complete.' }) id: string,
    @Ctx() ctx: HubContext,
  ): Promise<CompleteEnrollmentPayload> {
    return completeEnrollment(ctx.em, ctx.references, id);
  }

  @FieldResolver(() => Course, { description: 'The course.' })
  async course(@Root() enrollment: Enrollment, @Ctx() ctx: HubContext): Promise<Course> {
    const course = await ctx.loaders.load(courseById, enrollment.course.id);
    if (!course) throw new Error(`enrollment ${enrollment.id} points at missing course ${enrollment.course.id}`);
    return course;
  }

  @FieldResolver(() => PersonRef, { description: 'The person enrolled.' })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (enrollment: Enrollment, _args: unknown, ctx: HubContext) => enrollmentSubject(enrollment, ctx))
  person(@Root() enrollment: Enrollment): PersonRef {
    return personRef(enrollment.personId);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Share of the course's lessons the person has completed, from 0 to 1; null when the course has no lessons.",
  })
  progress(@Root() enrollment: Enrollment, @Ctx() ctx: HubContext): Promise<number | null> {
    return ctx.loaders.load(progressByEnrollment, enrollment.id);
  }

  @FieldResolver(() => Certificate, { nullable: true, description: 'The certificate of a COMPLETED enrollment.' })
  certificate(@Root() enrollment: Enrollment, @Ctx() ctx: HubContext): Promise<Certificate | null> {
    return ctx.loaders.load(certificateByEnrollment, enrollment.id);
  }
}
