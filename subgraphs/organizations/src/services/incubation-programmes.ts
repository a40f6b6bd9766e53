import { LockMode, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  ConflictError,
  type ConnectionArgs,
  defineByIdLoader,
  definePageLoader,
  exactLike,
  findOrNotFound,
  illustrativeCondition,
  isUuid,
  likePattern,
  optionalText,
  type Page,
  paginate,
  paginateByParent,
  requiredText,
  UserInputError,
} from '@ngo-hub/kit';
import { IncubationProgramme } from '../entities/incubation-programme';
import { Organization, OrganizationKind } from '../entities/organization';
import type { CreateIncubationProgrammeInput, IncubationProgrammeFilter } from '../inputs/incubation-programme.input';

export const programmeById = defineByIdLoader('programmeById', IncubationProgramme);

function programmeWhere(filter: IncubationProgrammeFilter = {}): FilterQuery<IncubationProgramme> {
  const conditions: FilterQuery<IncubationProgramme>[] = [];
  if (filter.incubatorId) conditions.push({ incubator: isUuid(filter.incubatorId) ? filter.incubatorId : { $in: [] } });
  if (filter.city) conditions.push({ city: { $ilike: exactLike(filter.city.trim()) } });
  const search = filter.search?.trim();
  if (search) conditions.push({ $or: [{ name: { $ilike: likePattern(search) } }, { nameZh: { $ilike: likePattern(search) } }] });
  conditions.push(...illustrativeCondition(filter.illustrative));
  return conditions.length ? { $and: conditions } : {};
}

export function listIncubationProgrammes(
  em: EntityManager,
  filter: IncubationProgrammeFilter | undefined,
  args: ConnectionArgs,
): Promise<Page<IncubationProgramme>> {
  return paginate(em, IncubationProgramme, programmeWhere(filter), args, { by: 'name' });
}

/** `Organization.incubationProgrammes` for many incubators: two queries whatever their number. */
export const programmesOfIncubator = definePageLoader<IncubationProgramme, ConnectionArgs>('programmesOfIncubator', (incubatorIds, args, ctx) =>
  paginateByParent(ctx.em, IncubationProgramme, 'incubator', incubatorIds, {}, args, { by: 'name' }),
);

/** Creates a programme; only an organization of kind INCUBATOR runs one. */
export async function createIncubationProgramme(em: EntityManager, input: CreateIncubationProgrammeInput): Promise<IncubationProgramme> {
  const name = requiredText(input.name, 'name', 300);
  const nameZh = optionalText(input.nameZh, 'nameZh', 300);
  const city = optionalText(input.city, 'city', 100);
  const description = optionalText(input.description, 'description', 10000);
  const descriptionZh = optionalText(input.descriptionZh, 'descriptionZh', 10000);
  try {
    return await em.transactional(async (tx) => {
      // shared lock: the incubator's kind cannot change while its programme is created
      const incubator = await findOrNotFound(tx, Organization, input.incubatorId, 'incubatorId', { lockMode: LockMode.PESSIMISTIC_READ });
      if (incubator.kind !== OrganizationKind.INCUBATOR) {
        throw new UserInputError(
          `only an organization of kind INCUBATOR runs incubation programmes; ${incubator.name} is ${incubator.kind} (change its kind first if it has become an incubator)`,
          'incubatorId',
        );
      }
      const programme = tx.create(IncubationProgramme, { incubator, name, nameZh, city: city ?? incubator.city, description, descriptionZh });
      await tx.flush();
      return programme;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(`this incubator already runs a programme named ${JSON.stringify(name)}; programme names are unique per incubator`, {
        field: 'name',
      });
    }
    throw error;
  }
}
