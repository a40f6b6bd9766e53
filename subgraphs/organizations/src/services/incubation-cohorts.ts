import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, defineByIdLoader, definePageLoader, findOrNotFound, paginateByParent, requiredText, UserInputError } from '@ngo-hub/kit';
import { IncubationCohort } from '../entities/incubation-cohort';
import { IncubationProgramme } from '../entities/incubation-programme';
import type { CreateIncubationCohortInput } from '../inputs/incubation-cohort.input';
import type { IncubationCohortsArgs } from '../inputs/incubation-programme.input';

export const cohortById = defineByIdLoader('cohortById', IncubationCohort);

/** `IncubationProgramme.cohorts` for many programmes, earliest start first: two queries whatever their number. */
export const cohortsOfProgramme = definePageLoader<IncubationCohort, IncubationCohortsArgs>('cohortsOfProgramme', (programmeIds, args, ctx) =>
  paginateByParent(ctx.em, IncubationCohort, 'programme', programmeIds, args.year == null ? {} : { year: args.year }, args, { by: 'startsOn' }),
);

const FIRST_YEAR = 1949;
const LAST_YEAR = 2100;

export async function createIncubationCohort(em: EntityManager, input: CreateIncubationCohortInput): Promise<IncubationCohort> {
  const name = requiredText(input.name, 'name', 200);
  const endsOn = input.endsOn ?? undefined;
  if (endsOn && endsOn < input.startsOn) throw new UserInputError(`endsOn (${endsOn}) must not be before startsOn (${input.startsOn})`, 'endsOn');
  const year = input.year ?? Number(input.startsOn.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new UserInputError(`year must be between ${FIRST_YEAR} and ${LAST_YEAR} (got ${year})`, 'year');
  }
  try {
    return await em.transactional(async (tx) => {
      const programme = await findOrNotFound(tx, IncubationProgramme, input.programmeId, 'programmeId');
      const cohort = tx.create(IncubationCohort, { programme, name, year, startsOn: input.startsOn, endsOn });
      await tx.flush();
      return cohort;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(`this programme already has a cohort named ${JSON.stringify(name)}; cohort names are unique per programme`, { field: 'name' });
    }
    throw error;
  }
}
