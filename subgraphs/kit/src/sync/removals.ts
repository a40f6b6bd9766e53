import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, Directive, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context';
import { ConnectionArgs, PageInfo, paginate, type Page } from '../pagination';
import { DateTimeScalar } from '../scalars';
import { Removal } from './removal';
import { syncHorizon } from './sync-horizon';

@Directive('@shareable')
@ObjectType('RemovalEdge', { description: 'One removal, with its cursor.' })
class RemovalEdge {
  @Field({ description: 'Opaque cursor of this removal; pass it as `after` to continue after it (a sync token: keep the last one).' })
  cursor!: string;

  @Field(() => Removal, { description: 'The removal.' })
  node!: Removal;
}

@Directive('@shareable')
@ObjectType('RemovalConnection', { description: 'Removals, oldest first (ties by id).' })
export class RemovalConnection {
  @Field(() => [RemovalEdge], { description: 'The removals of this page, each with its cursor.' })
  edges!: RemovalEdge[];

  @Field(() => [Removal], { description: 'The removals of this page, without cursors.' })
  nodes!: Removal[];

  @Field(() => PageInfo, { description: 'Whether more removals follow, and the cursors to get them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many removals the whole list has, across all pages.' })
  totalCount!: number | Promise<number>;
}

/** Removals of one type since a moment (inclusive), oldest first, up to the sync horizon. */
export async function listRemovals(em: EntityManager, type: string, since: Date | null | undefined, args: ConnectionArgs): Promise<Page<Removal>> {
  const conditions: FilterQuery<Removal>[] = [{ type }, { removedAt: { $lt: await syncHorizon(em) } }];
  if (since) conditions.push({ removedAt: { $gte: since } });
  return paginate(em, Removal, { $and: conditions }, args, { by: 'removedAt' });
}

/**
 * The Query field a syncing client reads removals of one type with, e.g.
 * `removalsResolver('removedOrganizations', 'Organization')`. The type's rows are recorded by the
 * database triggers of the subgraph's migrations (see Removal).
 */
export function removalsResolver(fieldName: string, typeName: string, what = `${typeName} records`): new () => object {
  @Resolver()
  class RemovalsResolver {
    @Query(() => RemovalConnection, {
      name: fieldName,
      description: `${what} removed since a moment (deleted, or no longer listed), oldest first with ties by id: what a mirror synced with \`orderBy: UPDATED_AT\` deletes. Only ids and times.`,
    })
    removals(
      @Arg('since', () => DateTimeScalar, { nullable: true, description: 'From this moment on (inclusive); left out, every removal the hub keeps.' })
      since: Date | undefined,
      @Args(() => ConnectionArgs) page: ConnectionArgs,
      @Ctx() ctx: HubContext,
    ): Promise<Page<Removal>> {
      return listRemovals(ctx.em, typeName, since, page);
    }
  }
  return RemovalsResolver;
}
