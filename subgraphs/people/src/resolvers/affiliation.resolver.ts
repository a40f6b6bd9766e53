import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Affiliation } from '../entities/affiliation';
import { OrganizationRef } from '../entities/organization-ref';
import { Person } from '../entities/person';
import { AddAffiliationInput } from '../inputs/affiliation.input';
import { addAffiliation, endAffiliation, isCurrent } from '../services/affiliations';
import { personById } from '../services/people';
import { affiliationSubject } from '../services/auth-subjects';

@ObjectType({ description: 'The result of adding or ending an affiliation.' })
export class AffiliationPayload {
  @Field(() => Affiliation, { description: 'The affiliation as saved.' })
  affiliation: Affiliation;
}

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @Mutation(() => AffiliationPayload, { description: 'Records a person\'s role in an organization; NOT_FOUND when the organization does not exist.' })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (_source, args: { input: { personId: string; organizationId: string } }) => ({ personId: args.input.personId, organizationIds: [args.input.organizationId] }))
  async addAffiliation(@Arg('input', () => AddAffiliationInput, { description: 'The role to record.' }) input: AddAffiliationInput, @Ctx() ctx: HubContext): Promise<AffiliationPayload> {
    return { affiliation: await addAffiliation(ctx.em, ctx.references, input) };
  }

  @Mutation(() => AffiliationPayload, { description: 'Ends a role that is held: today, or on the date given (not before it started).' })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (_source, args: { id: string }, ctx: HubContext) => affiliationSubject(ctx, args.id, 'id'))
  async endAffiliation(
    @Arg('id', () => ID, { description: 'The affiliation to end.' }) id: string,
    @Arg('endedOn', () => Date, { nullable: true, description: 'Default: today.' }) endedOn: string | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<AffiliationPayload> {
    return { affiliation: await endAffiliation(ctx.em, id, endedOn) };
  }

  @FieldResolver(() => Boolean, { description: 'True while the role is held: it has not ended, or ends later.' })
  current(@Root() affiliation: Affiliation): boolean {
    return isCurrent(affiliation);
  }

  @FieldResolver(() => Person, { description: 'Who holds the role.' })
  async person(@Root() affiliation: Affiliation, @Ctx() ctx: HubContext): Promise<Person> {
    return (await ctx.loaders.load(personById, affiliation.person.id))!;
  }

  @FieldResolver(() => OrganizationRef, { description: 'Where the role is held.' })
  organization(@Root() affiliation: Affiliation): OrganizationRef {
    return { id: affiliation.organizationId };
  }
}
