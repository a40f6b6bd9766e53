import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { JobPosting } from '../entities/job-posting';
import { OrganizationRef } from '../entities/organization-ref';
import { Person } from '../entities/person';
import { Recommendation } from '../entities/recommendation';
import { RecommendPersonInput } from '../inputs/recommendation.input';
import { postingById } from '../services/posting-by-id';
import { personById } from '../services/people';
import { recommendPerson } from '../services/recommendations';

@ObjectType({ description: 'The result of recommending a person.' })
export class RecommendationPayload {
  @Field(() => Recommendation, { description: 'The recommendation as saved.' })
  recommendation: Recommendation;
}

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Mutation(() => RecommendationPayload, {
    description:
      'A person recommends another to a posting or an organization. BAD_USER_INPUT for oneself; CONFLICT for a posting that takes no applications, or a recommendation made before.',
  })
  @Auth(AuthRule.SELF, (_source, args: { input: { recommenderId: string } }) => ({ personId: args.input.recommenderId }))
  async recommendPerson(
    @Arg('input', () => RecommendPersonInput, { description: 'Who recommends whom, where to, and why.' }) input: RecommendPersonInput,
    @Ctx() ctx: HubContext,
  ): Promise<RecommendationPayload> {
    return { recommendation: await recommendPerson(ctx.em, ctx.references, input) };
  }

  @FieldResolver(() => Person, { description: 'Who made the recommendation.' })
  async recommender(@Root() recommendation: Recommendation, @Ctx() ctx: HubContext): Promise<Person> {
    return (await ctx.loaders.load(personById, recommendation.recommender.id))!;
  }

  @FieldResolver(() => Person, { description: 'Who is recommended.' })
  async candidate(@Root() recommendation: Recommendation, @Ctx() ctx: HubContext): Promise<Person> {
    return (await ctx.loaders.load(personById, recommendation.candidate.id))!;
  }

  @FieldResolver(() => JobPosting, {
    nullable: true,
    description: 'The posting the candidate is recommended for; null for a recommendation to the organization as a whole.',
  })
  async posting(@Root() recommendation: Recommendation, @Ctx() ctx: HubContext): Promise<JobPosting | null> {
    return recommendation.posting ? ctx.loaders.load(postingById, recommendation.posting.id) : null;
  }

  @FieldResolver(() => OrganizationRef, { description: "The organization the candidate is recommended to (the posting's, for a posting)." })
  organization(@Root() recommendation: Recommendation): OrganizationRef {
    return { id: recommendation.organizationId };
  }
}
