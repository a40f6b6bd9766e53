import { ConnectionArgs, type HubContext } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../entities/person';
import { AffiliationListArgs } from '../inputs/affiliation.input';
import { CreatePersonInput, PersonFilter, UpdatePersonInput } from '../inputs/person.input';
import { affiliationsOfPerson } from '../services/affiliations';
import { createPerson, listPeople, personById, updatePerson } from '../services/people';
import { AffiliationConnection } from './affiliation-connection';
import { PersonConnection } from './person-connection';

@ObjectType({ description: 'The result of creating or updating a person.' })
export class PersonPayload {
  @Field(() => Person, { description: 'The person as saved.' })
  person: Person;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by id; null when there is none.' })
  person(@Arg('id', () => ID, { description: 'The person\'s id.' }) id: string, @Ctx() ctx: HubContext): Promise<Person | null> {
    return ctx.loaders.load(personById, id);
  }

  @Query(() => PersonConnection, { description: 'People, filtered and paginated, ordered by name.' })
  people(
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Conditions the people must meet; all of them.' }) filter: PersonFilter | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listPeople(ctx.em, filter, page);
  }

  @Mutation(() => PersonPayload, { description: 'Adds a person to the directory.' })
  async createPerson(@Arg('input', () => CreatePersonInput) input: CreatePersonInput, @Ctx() ctx: HubContext): Promise<PersonPayload> {
    return { person: await createPerson(ctx.em, input) };
  }

  @Mutation(() => PersonPayload, { description: 'Changes a person; fields left out stay as they are.' })
  async updatePerson(
    @Arg('id', () => ID, { description: 'The person to change.' }) id: string,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() ctx: HubContext,
  ): Promise<PersonPayload> {
    return { person: await updatePerson(ctx.em, id, input) };
  }

  @FieldResolver(() => AffiliationConnection, { description: 'The organizations this person has or had a role in, earliest start first.' })
  affiliations(@Root() person: Person, @Args(() => AffiliationListArgs) args: AffiliationListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(affiliationsOfPerson, { parentId: person.id, args });
  }
}
