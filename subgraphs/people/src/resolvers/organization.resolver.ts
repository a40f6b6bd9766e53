import { Auth, AuthRule, ConnectionArgs, type HubContext } from '@ngo-hub/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AffiliationRole } from '../entities/affiliation';
import { OrganizationRef } from '../entities/organization-ref';
import { CommitteeArgs, OrganizationPeopleArgs } from '../inputs/affiliation.input';
import { OpenPositionsArgs } from '../inputs/job-posting.input';
import { affiliationsOfOrganization, pendingAffiliationsOfOrganization } from '../services/affiliations';
import { openPositionsOfOrganization } from '../services/job-postings';
import { AffiliationConnection } from './affiliation-connection';
import { JobPostingConnection } from './job-posting-connection';

/** The fields people adds to `Organization`. */
// Fields added to another subgraph's entity are nullable: while this subgraph is down, the
// gateway still answers the rest of a query (partial data) instead of nulling the whole entity.
@Resolver(() => OrganizationRef)
export class OrganizationPeopleResolver {
  @FieldResolver(() => AffiliationConnection, {
    nullable: true,
    description:
      'The people who hold or held a role in this organization, confirmed by both sides, earliest start first. `role: ADVISOR` gives advisory and expert committees, `role: BOARD_MEMBER` the board.',
  })
  people(@Root() organization: OrganizationRef, @Args(() => OrganizationPeopleArgs) args: OrganizationPeopleArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(affiliationsOfOrganization, { parentId: organization.id, args });
  }

  @FieldResolver(() => AffiliationConnection, {
    nullable: true,
    description:
      'Affiliations naming this organization that wait for the person or for the organization to confirm, earliest start first; for its editors and admins.',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (organization: OrganizationRef) => ({ organizationIds: [organization.id] }))
  pendingAffiliations(@Root() organization: OrganizationRef, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(pendingAffiliationsOfOrganization, { parentId: organization.id, args });
  }

  @FieldResolver(() => AffiliationConnection, {
    nullable: true,
    description: 'The advisory (expert) committee: the people in the ADVISOR role, earliest start first.',
  })
  advisoryCommittee(@Root() organization: OrganizationRef, @Args(() => CommitteeArgs) args: CommitteeArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(affiliationsOfOrganization, { parentId: organization.id, args: { ...args, role: AffiliationRole.ADVISOR } });
  }

  @FieldResolver(() => AffiliationConnection, { nullable: true, description: 'The board (理事会): the people in the BOARD_MEMBER role, earliest start first.' })
  board(@Root() organization: OrganizationRef, @Args(() => CommitteeArgs) args: CommitteeArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(affiliationsOfOrganization, { parentId: organization.id, args: { ...args, role: AffiliationRole.BOARD_MEMBER } });
  }

  @FieldResolver(() => JobPostingConnection, { nullable: true, description: "The organization's postings that take applications today, newest first." })
  openPositions(@Root() organization: OrganizationRef, @Args(() => OpenPositionsArgs) args: OpenPositionsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(openPositionsOfOrganization, { parentId: organization.id, args });
  }
}
