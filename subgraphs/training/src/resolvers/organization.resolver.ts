import { ConnectionArgs, type HubContext } from '@ngo-hub/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrganizationRef } from '../entities/organization-ref';
import { coursesOfferedByOrganization } from '../services/course-offerings';
import { CourseConnection } from './course-connection';

/** The fields training adds to `Organization`. */
// Fields added to another subgraph's entity are nullable: while this subgraph is down, the
// gateway still answers the rest of a query (partial data) instead of nulling the whole entity.
@Resolver(() => OrganizationRef)
export class OrganizationResolver {
  @FieldResolver(() => CourseConnection, {
    nullable: true,
    description: 'Courses this organization offers (alone or with others), in the order it began offering them.',
  })
  coursesOffered(@Root() organization: OrganizationRef, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(coursesOfferedByOrganization, { parentId: organization.id, args });
  }
}
