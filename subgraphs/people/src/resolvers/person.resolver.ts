import { Auth, AuthRule, ConnectionArgs, type HubContext, ListOrder, ORDER_BY_DESCRIPTION } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Education } from '../entities/education';
import { Person } from '../entities/person';
import { Qualification, SocialWorkQualification } from '../entities/qualification';
import { AffiliationListArgs } from '../inputs/affiliation.input';
import { ApplicationListArgs } from '../inputs/job-application.input';
import { CreatePersonInput, PersonFilter, UpdatePersonInput } from '../inputs/person.input';
import { affiliationsOfPerson, pendingAffiliationsOfPerson } from '../services/affiliations';
import { educationOfPerson } from '../services/education';
import { applicationsOfPerson } from '../services/job-applications';
import { suggestedPostingsOfPerson } from '../services/matching';
import { createPerson, listPeople, personById, updatePerson } from '../services/people';
import { highestLevel, qualificationsOfPerson } from '../services/qualifications';
import { recommendationsByRecommender, recommendationsOfCandidate } from '../services/recommendations';
import { AffiliationConnection } from './affiliation-connection';
import { JobApplicationConnection } from './job-application-connection';
import { PersonConnection } from './person-connection';
import { RecommendationConnection } from './recommendation-connection';
import { PostingSuggestionConnection } from '../types/suggestion';

@ObjectType({ description: 'The result of creating or updating a person.' })
export class PersonPayload {
  @Field(() => Person, { description: 'The person as saved.' })
  person: Person;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by id; null when there is none (or they deleted their account).' })
  async person(@Arg('id', () => ID, { description: "The person's id." }) id: string, @Ctx() ctx: HubContext): Promise<Person | null> {
    const person = await ctx.loaders.load(personById, id);
    return person?.erasedAt ? null : person;
  }

  @Query(() => PersonConnection, { description: 'The directory of people, filtered and paginated, ordered by name. PRIVATE profiles are not listed.' })
  people(
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Conditions the people must meet; all of them.' }) filter: PersonFilter | undefined,
    @Arg('orderBy', () => ListOrder, { nullable: true, description: ORDER_BY_DESCRIPTION }) orderBy: ListOrder | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listPeople(ctx.em, filter, page, orderBy);
  }

  @Mutation(() => PersonPayload, { description: 'Adds a person to the directory, with their education and qualifications.' })
  @Auth(AuthRule.AUTHENTICATED)
  async createPerson(
    @Arg('input', () => CreatePersonInput, { description: 'The person to add.' }) input: CreatePersonInput,
    @Ctx() ctx: HubContext,
  ): Promise<PersonPayload> {
    return { person: await createPerson(ctx.em, ctx.references, input) };
  }

  @Mutation(() => PersonPayload, { description: 'Changes a person; fields left out stay as they are, lists given replace the old ones.' })
  @Auth(AuthRule.SELF, (_source, args: { id: string }) => ({ personId: args.id }))
  async updatePerson(
    @Arg('id', () => ID, { description: 'The person to change.' }) id: string,
    @Arg('input', () => UpdatePersonInput, { description: 'The fields to change.' }) input: UpdatePersonInput,
    @Ctx() ctx: HubContext,
  ): Promise<PersonPayload> {
    return { person: await updatePerson(ctx.em, ctx.references, id, input) };
  }

  @FieldResolver(() => AffiliationConnection, {
    description: 'The organizations this person has or had a role in, confirmed by both sides, earliest start first.',
  })
  affiliations(@Root() person: Person, @Args(() => AffiliationListArgs) args: AffiliationListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(affiliationsOfPerson, { parentId: person.id, args });
  }

  @FieldResolver(() => AffiliationConnection, {
    description: 'Affiliations naming this person that wait for them or for the organization to confirm, earliest start first; for the person themself.',
  })
  @Auth(AuthRule.SELF, (person: Person) => ({ personId: person.id }))
  pendingAffiliations(@Root() person: Person, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(pendingAffiliationsOfPerson, { parentId: person.id, args });
  }

  @FieldResolver(() => [Education], { description: "The person's education (at most 20 entries), earliest year first." })
  education(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Education[]> {
    return ctx.loaders.load(educationOfPerson, person.id);
  }

  @FieldResolver(() => [Qualification], { description: 'The professional qualifications the person holds (each kind and level once), earliest first.' })
  qualifications(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Qualification[]> {
    return ctx.loaders.load(qualificationsOfPerson, person.id);
  }

  @FieldResolver(() => SocialWorkQualification, {
    nullable: true,
    description: 'Highest national social-work qualification held, if any (the highest level among `qualifications`).',
  })
  async qualification(@Root() person: Person, @Ctx() ctx: HubContext): Promise<SocialWorkQualification | null> {
    return highestLevel(await ctx.loaders.load(qualificationsOfPerson, person.id));
  }

  @FieldResolver(() => JobApplicationConnection, { description: "The person's job applications, newest first." })
  @Auth(AuthRule.SELF, (person: Person) => ({ personId: person.id }))
  applications(@Root() person: Person, @Args(() => ApplicationListArgs) args: ApplicationListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(applicationsOfPerson, { parentId: person.id, args });
  }

  @FieldResolver(() => RecommendationConnection, { description: 'Recommendations of this person by others, newest first.' })
  recommendations(@Root() person: Person, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(recommendationsOfCandidate, { parentId: person.id, args });
  }

  @FieldResolver(() => RecommendationConnection, { description: 'Recommendations this person made of others, newest first.' })
  recommendationsGiven(@Root() person: Person, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(recommendationsByRecommender, { parentId: person.id, args });
  }

  @FieldResolver(() => PostingSuggestionConnection, {
    description:
      'Postings taking applications today that share a skill or the city with this person, best match first, each with why it matched. Postings the person has an application in play for are left out.',
  })
  suggestedPostings(@Root() person: Person, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(suggestedPostingsOfPerson, { parentId: person.id, args });
  }
}
