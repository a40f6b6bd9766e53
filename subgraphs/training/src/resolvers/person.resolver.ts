import type { HubContext } from '@ngo-hub/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonRef } from '../entities/person-ref';
import { EnrollmentListArgs } from '../inputs/enrollment.input';
import { enrollmentsByPerson } from '../services/enrollment-lists';
import { EnrollmentConnection } from './enrollment-connection';

/** The fields training adds to `Person`. */
@Resolver(() => PersonRef)
export class PersonResolver {
  @FieldResolver(() => EnrollmentConnection, { description: 'The person\'s enrollments in courses, in the order they applied.' })
  enrollments(@Root() person: PersonRef, @Args(() => EnrollmentListArgs) args: EnrollmentListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(enrollmentsByPerson, { parentId: person.id, args });
  }
}
