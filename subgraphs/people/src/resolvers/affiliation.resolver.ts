import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Affiliation, AffiliationStatus } from '../entities/affiliation';
import { OrganizationRef } from '../entities/organization-ref';
import { Person } from '../entities/person';
import { AddAffiliationInput } from '../inputs/affiliation.input';
import { affiliationStatus, confirmAffiliation, consentSides, declineAffiliation } from '../services/affiliation-consent';
import { addAffiliation, endAffiliation, isCurrent } from '../services/affiliations';
import { personById } from '../services/people';
import { affiliationSubject } from '../services/auth-subjects';

@ObjectType({ description: 'The result of adding, confirming or ending an affiliation.' })
export class AffiliationPayload {
  @Field(() => Affiliation, { description: 'The affiliation as saved.' })
  affiliation: Affiliation;
}

@ObjectType({ description: 'The result of declining or withdrawing an affiliation.' })
export class DeclineAffiliationPayload {
  @Field(() => ID, { description: 'The affiliation that was removed.' })
  affiliationId: string;
}

const affiliationById = (_source: unknown, args: { id: string }, ctx: HubContext) => affiliationSubject(ctx, args.id, 'id');

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @Mutation(() => AffiliationPayload, {
    description:
      "Proposes a person's role in an organization, agreed for the side the caller speaks for: the person themself, or an editor or admin of the organization (or a hub admin). It takes effect, and is public, once the other side confirms it with `confirmAffiliation` (at once when the caller speaks for both). NOT_FOUND when the organization does not exist; CONFLICT when the role is already held or proposed.",
  })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (_source, args: { input: { personId: string; organizationId: string } }) => ({
    personId: args.input.personId,
    organizationIds: [args.input.organizationId],
  }))
  async addAffiliation(
    @Arg('input', () => AddAffiliationInput, { description: 'The role to propose.' }) input: AddAffiliationInput,
    @Ctx() ctx: HubContext,
  ): Promise<AffiliationPayload> {
    return { affiliation: await addAffiliation(ctx.em, ctx.references, input, consentSides(ctx.identity, input.personId, input.organizationId)) };
  }

  @Mutation(() => AffiliationPayload, {
    description:
      'Agrees to a pending affiliation for the side the caller speaks for: the person themself, or an editor or admin of the organization (or a hub admin); nobody confirms for the person but the person. CONFLICT when that side already agreed.',
  })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, affiliationById)
  async confirmAffiliation(
    @Arg('id', () => ID, { description: 'The affiliation to confirm.' }) id: string,
    @Ctx() ctx: HubContext,
  ): Promise<AffiliationPayload> {
    return { affiliation: await confirmAffiliation(ctx.em, ctx.identity, id) };
  }

  @Mutation(() => DeclineAffiliationPayload, {
    description:
      "Removes an affiliation, by either side: declines a pending one (or withdraws one proposed), or withdraws from a confirmed one, which then leaves the person's and the organization's public lists. To record that a role ended, use `endAffiliation`.",
  })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, affiliationById)
  async declineAffiliation(
    @Arg('id', () => ID, { description: 'The affiliation to decline or withdraw from.' }) id: string,
    @Ctx() ctx: HubContext,
  ): Promise<DeclineAffiliationPayload> {
    return { affiliationId: await declineAffiliation(ctx.em, id) };
  }

  @Mutation(() => AffiliationPayload, {
    description:
      'Ends a confirmed role that is held: today, or on the date given (not before it started). CONFLICT for a pending affiliation (decline it instead).',
  })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, affiliationById)
  async endAffiliation(
    @Arg('id', () => ID, { description: 'The affiliation to end.' }) id: string,
    @Arg('endedOn', () => Date, { nullable: true, description: 'Default: today.' }) endedOn: string | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<AffiliationPayload> {
    return { affiliation: await endAffiliation(ctx.em, id, endedOn) };
  }

  @FieldResolver(() => AffiliationStatus, { description: 'Whether both sides agreed; only CONFIRMED affiliations are public.' })
  status(@Root() affiliation: Affiliation): AffiliationStatus {
    return affiliationStatus(affiliation);
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
