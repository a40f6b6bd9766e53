import { Auth, AuthRule, ConnectionArgs, type HubContext, FewItems, CACHE_MAX_AGE, CacheControl } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IncubationProgramme } from '../entities/incubation-programme';
import { Organization } from '../entities/organization';
import { CreateIncubationProgrammeInput, IncubationCohortsArgs, IncubationProgrammeFilter } from '../inputs/incubation-programme.input';
import { cohortsOfProgramme } from '../services/incubation-cohorts';
import { createIncubationProgramme, listIncubationProgrammes, programmeById } from '../services/incubation-programmes';
import { organizationById } from '../services/organizations';
import { IncubationCohortConnection } from './incubation-cohort-connection';
import { IncubationProgrammeConnection } from './incubation-programme-connection';

@ObjectType({ description: 'The result of creating an incubation programme.' })
export class IncubationProgrammePayload {
  @Field(() => IncubationProgramme, { description: 'The programme as saved.' })
  programme: IncubationProgramme;
}

@Resolver(() => IncubationProgramme)
export class IncubationProgrammeResolver {
  @CacheControl({ maxAge: CACHE_MAX_AGE.directory })
  @Query(() => IncubationProgramme, { nullable: true, description: 'One incubation programme by id; null when there is none.' })
  incubationProgramme(@Arg('id', () => ID, { description: "The programme's id." }) id: string, @Ctx() ctx: HubContext): Promise<IncubationProgramme | null> {
    return ctx.loaders.load(programmeById, id);
  }

  @CacheControl({ maxAge: CACHE_MAX_AGE.directory })
  @Query(() => IncubationProgrammeConnection, { description: 'Incubation programmes, filtered and paginated, ordered by name.' })
  incubationProgrammes(
    @Arg('filter', () => IncubationProgrammeFilter, { nullable: true, description: 'Conditions the programmes must meet.' })
    filter: IncubationProgrammeFilter | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listIncubationProgrammes(ctx.em, filter, page);
  }

  @Mutation(() => IncubationProgrammePayload, { description: 'Creates an incubation programme run by an organization of kind INCUBATOR.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { incubatorId: string } }) => ({ organizationIds: [args.input.incubatorId] }))
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { incubatorId: string } }) => ({ organizationIds: [args.input.incubatorId] }))
  async createIncubationProgramme(
    @Arg('input', () => CreateIncubationProgrammeInput, { description: 'The programme.' }) input: CreateIncubationProgrammeInput,
    @Ctx() ctx: HubContext,
  ): Promise<IncubationProgrammePayload> {
    return { programme: await createIncubationProgramme(ctx.em, input) };
  }

  @FieldResolver(() => Organization, { description: 'The incubator organization that runs the programme.' })
  async incubator(@Root() programme: IncubationProgramme, @Ctx() ctx: HubContext): Promise<Organization> {
    const incubator = await ctx.loaders.load(organizationById, programme.incubator.id);
    if (!incubator) throw new Error(`programme ${programme.id} points at missing organization ${programme.incubator.id}`);
    return incubator;
  }

  @FewItems(5)
  @FieldResolver(() => IncubationCohortConnection, { description: "The programme's cohorts, earliest start first." })
  cohorts(@Root() programme: IncubationProgramme, @Args(() => IncubationCohortsArgs) args: IncubationCohortsArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(cohortsOfProgramme, { parentId: programme.id, args });
  }
}
