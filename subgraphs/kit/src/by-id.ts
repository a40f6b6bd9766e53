import type { EntityClass, EntityManager, EntityName, FindOneOptions, FilterQuery } from '@mikro-orm/postgresql';
import { NotFoundError } from './errors';
import { isUuid } from './ids';
import { defineLoader, type LoaderDefinition } from './loaders';

/**
 * A loader of managed entities by id: many ids in one query; an id that is not a UUID, or that
 * nothing has, loads as null. For rows a write path may go on to change; a loader that only
 * answers reads (`x(id)`, `_entities`) uses `defineRowsById`, which skips the unit of work.
 * `entity` may be its name, so that a loader an entity's own decorators use need not import it.
 */
export function defineByIdLoader<T extends { id: string }>(name: string, entity: EntityName<T>): LoaderDefinition<string, T | null> {
  return defineLoader<string, T | null>(name, async (ids, ctx) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await ctx.em.find(entity, { id: { $in: valid } } as unknown as FilterQuery<T>) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * The row with this id, or NOT_FOUND naming the input `field` it came from (also for an id that
 * is not a UUID, which never reaches SQL). `options` lock it or populate relations.
 */
export async function findOrNotFound<T extends { id: string }, P extends string = never>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
  field: string,
  options?: FindOneOptions<T, P>,
  typeName: string = entity.name,
): Promise<T> {
  const found = isUuid(id) ? await em.findOne(entity, { id } as unknown as FilterQuery<T>, options) : null;
  if (!found) throw new NotFoundError(typeName, id, field);
  return found as T;
}
