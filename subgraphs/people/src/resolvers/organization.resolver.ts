import type { HubContext } from '@ngo-hub/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrganizationRef } from '../entities/organization-ref';
import { OrganizationPeopleArgs } from '../inputs/affiliation.input';
import { affiliationsOfOrganization } from '../services/affiliations';
import { AffiliationConnection } from './affiliation-connection';

@Resolver(() => OrganizationRef)
export class OrganizationPeopleResolver {
  @FieldResolver(() => AffiliationConnection, { description: 'The people who hold or held a role in this organization, earliest start first.' })
  people(@Root() organization: OrganizationRef, @Args(() => OrganizationPeopleArgs) args: OrganizationPeopleArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(affiliationsOfOrganization, { parentId: organization.id, args });
  }
}
