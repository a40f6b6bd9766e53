import type { HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { PersonRef, personRef } from '../entities/person-ref';
import { EnrollPersonInput } from '../inputs/enrollment.input';
import { courseById } from '../services/courses';
import { completeEnrollment, dropEnrollment, enrollPerson } from '../services/enrollments';

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

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @Mutation(() => EnrollmentPayload, {
    description: 'Enrolls an existing person in a course; WAITLISTED when the course is full. A person enrolls in a course once.',
  })
  async enrollPerson(@Arg('input', () => EnrollPersonInput, { description: 'The course and the person.' }) input: EnrollPersonInput, @Ctx() ctx: HubContext): Promise<EnrollmentPayload> {
    return { enrollment: await enrollPerson(ctx.em, ctx.references, input.courseId, input.personId) };
  }

  @Mutation(() => DropEnrollmentPayload, { description: 'Drops an enrollment; a freed seat goes to the first person on the waiting list.' })
  dropEnrollment(@Arg('id', () => ID, { description: 'The enrollment to drop.' }) id: string, @Ctx() ctx: HubContext): Promise<DropEnrollmentPayload> {
    return dropEnrollment(ctx.em, id);
  }

  @Mutation(() => EnrollmentPayload, { description: 'Records that an ENROLLED person completed the course.' })
  async completeEnrollment(@Arg('id', () => ID, { description: 'The enrollment to complete.' }) id: string, @Ctx() ctx: HubContext): Promise<EnrollmentPayload> {
    return { enrollment: await completeEnrollment(ctx.em, id) };
  }

  @FieldResolver(() => Course, { description: 'The course.' })
  async course(@Root() enrollment: Enrollment, @Ctx() ctx: HubContext): Promise<Course> {
    const course = await ctx.loaders.load(courseById, enrollment.course.id);
    if (!course) throw new Error(`enrollment ${enrollment.id} points at missing course ${enrollment.course.id}`);
    return course;
  }

  @FieldResolver(() => PersonRef, { description: 'The person enrolled.' })
  person(@Root() enrollment: Enrollment): PersonRef {
    return personRef(enrollment.personId);
  }
}
