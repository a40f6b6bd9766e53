import { NotFoundError, type HubContext, CACHE_MAX_AGE, CacheControl } from '@ngo-hub/kit';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { SectorMapFilter } from '../inputs/sector-map.input';
import { organizationById } from '../services/organizations';
import { sectorCounts, sectorNetwork, sectorScopeOf } from '../services/sector-map';
import { SECTOR_NETWORK_EDGE_LIMIT, SECTOR_NETWORK_NODE_LIMIT, SectorMap, SectorMapCount, SectorNetwork } from '../types/sector-map';

@Resolver(() => SectorMap)
export class SectorMapResolver {
  @CacheControl({ maxAge: CACHE_MAX_AGE.aggregate })
  @Query(() => SectorMap, {
    description: `The sector at a glance, for analysts and dashboards: counts of organizations by city, province, kind, cause area, registration status and stage, and the network of organizations and their ties (at most ${SECTOR_NETWORK_NODE_LIMIT} nodes and ${SECTOR_NETWORK_EDGE_LIMIT} edges). Without a filter, the whole sector.`,
  })
  async sectorMap(
    @Arg('filter', () => SectorMapFilter, {
      nullable: true,
      description: "The part of the sector: a city, a province, kinds, causes, an incubator's organizations.",
    })
    filter: SectorMapFilter | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<SectorMap> {
    const scope = sectorScopeOf(filter);
    if (scope.incubatorId && !(await ctx.loaders.load(organizationById, scope.incubatorId))) {
      throw new NotFoundError('Organization', scope.incubatorId, 'filter.incubatorId');
    }
    return Object.assign(new SectorMap(), { scope });
  }

  @FieldResolver(() => Int, { description: 'How many organizations the filter selects.' })
  async organizationCount(@Root() map: SectorMap, @Ctx() ctx: HubContext): Promise<number> {
    return (await ctx.loaders.load(sectorCounts, map.scope)).organizationCount;
  }

  @FieldResolver(() => [SectorMapCount], { description: 'Organizations per city, most first.' })
  async byCity(@Root() map: SectorMap, @Ctx() ctx: HubContext): Promise<SectorMapCount[]> {
    return (await ctx.loaders.load(sectorCounts, map.scope)).byCity;
  }

  @FieldResolver(() => [SectorMapCount], { description: 'Organizations per province, most first.' })
  async byProvince(@Root() map: SectorMap, @Ctx() ctx: HubContext): Promise<SectorMapCount[]> {
    return (await ctx.loaders.load(sectorCounts, map.scope)).byProvince;
  }

  @FieldResolver(() => [SectorMapCount], { description: 'Organizations per kind (keys are OrganizationKind values), most first.' })
  async byKind(@Root() map: SectorMap, @Ctx() ctx: HubContext): Promise<SectorMapCount[]> {
    return (await ctx.loaders.load(sectorCounts, map.scope)).byKind;
  }

  @FieldResolver(() => [SectorMapCount], {
    description: 'Organizations per cause area (keys are CauseArea values), most first; an organization counts once for each of its causes.',
  })
  async byCauseArea(@Root() map: SectorMap, @Ctx() ctx: HubContext): Promise<SectorMapCount[]> {
    return (await ctx.loaders.load(sectorCounts, map.scope)).byCauseArea;
  }

  @FieldResolver(() => [SectorMapCount], { description: 'Organizations per registration status (keys are RegistrationStatus values), most first.' })
  async byRegistrationStatus(@Root() map: SectorMap, @Ctx() ctx: HubContext): Promise<SectorMapCount[]> {
    return (await ctx.loaders.load(sectorCounts, map.scope)).byRegistrationStatus;
  }

  @FieldResolver(() => [SectorMapCount], {
    description: 'Organizations per development stage (keys are DevelopmentStage values; null: not assessed), most first.',
  })
  async byStage(@Root() map: SectorMap, @Ctx() ctx: HubContext): Promise<SectorMapCount[]> {
    return (await ctx.loaders.load(sectorCounts, map.scope)).byStage;
  }

  @FieldResolver(() => SectorNetwork, {
    description: `The organizations the filter selects and their ties (relations and incubation memberships), at most ${SECTOR_NETWORK_NODE_LIMIT} nodes and ${SECTOR_NETWORK_EDGE_LIMIT} edges; \`truncated\` tells when some were left out.`,
  })
  network(@Root() map: SectorMap, @Ctx() ctx: HubContext): Promise<SectorNetwork> {
    return ctx.loaders.load(sectorNetwork, map.scope);
  }
}
