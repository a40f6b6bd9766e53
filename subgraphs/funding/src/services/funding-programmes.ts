import { ref, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  ConflictError,
  type ConnectionArgs,
  defineByIdLoader,
  distinct,
  type ListOrder,
  optionalText,
  type Page,
  paginateChanges,
  parseMoney,
  type References,
  requiredText,
  UserInputError,
} from '@ngo-hub/kit';
import { FundingProgramme } from '../entities/funding-programme';
import type { CreateFundingProgrammeInput, FundingProgrammeFilter } from '../inputs/funding-programme.input';
import { lotsOf } from './funding-programme-lots';
import { uuidFilter } from './id-filter';
import { assertYear } from './year';

/** Programmes by id, many per query: behind `fundingProgramme(id)` and `Grant.programme`. */
export const programmeById = defineByIdLoader('programmeById', FundingProgramme);

export function programmeWhere(filter: FundingProgrammeFilter = {}): FilterQuery<FundingProgramme> {
  const conditions: FilterQuery<FundingProgramme>[] = [];
  if (filter.funderId) conditions.push({ funderOrganizationId: uuidFilter(filter.funderId, 'filter.funderId') });
  if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.year !== undefined && filter.year !== null) conditions.push({ year: assertYear(filter.year, 'filter.year') });
  if (filter.causeAreas?.length) conditions.push({ causeAreas: { $overlap: distinct(filter.causeAreas, 'filter.causeAreas') } });
  return conditions.length ? { $and: conditions } : {};
}

export function listProgrammes(
  em: EntityManager,
  filter: FundingProgrammeFilter | undefined,
  args: ConnectionArgs,
  orderBy?: ListOrder,
): Promise<Page<FundingProgramme>> {
  return paginateChanges(
    em,
    FundingProgramme,
    programmeWhere(filter),
    args,
    { by: 'year', direction: 'desc' },
    { updatedSince: filter?.updatedSince, orderBy },
  );
}

/** A programme code as 360Giving writes it: visible text without line breaks. */
export function programmeCodeOf(value: string | null | undefined, field: string): string | undefined {
  const code = optionalText(value, field, 200);
  if (code !== undefined && /[\r\n\t]/.test(code)) throw new UserInputError(`${field} must be one line of text`, field);
  return code;
}

export async function createFundingProgramme(em: EntityManager, references: References, input: CreateFundingProgrammeInput): Promise<FundingProgramme> {
  const programme = new FundingProgramme();
  programme.name = requiredText(input.name, 'name', 300);
  programme.nameZh = optionalText(input.nameZh, 'nameZh', 300);
  programme.kind = input.kind;
  programme.year = assertYear(input.year, 'year');
  programme.description = optionalText(input.description, 'description', 10000);
  programme.causeAreas = distinct(input.causeAreas, 'causeAreas');
  programme.code = programmeCodeOf(input.code, 'code');
  if (input.plannedProjects !== undefined && input.plannedProjects !== null) {
    if (input.plannedProjects < 1) throw new UserInputError(`plannedProjects must be at least 1 (got ${input.plannedProjects})`, 'plannedProjects');
    programme.plannedProjects = input.plannedProjects;
  }
  if (input.budget) {
    const budget = parseMoney(input.budget, 'budget');
    programme.budgetAmount = budget.amount;
    programme.budgetCurrency = budget.currency;
  }
  const lots = lotsOf(input.lots);
  programme.funderOrganizationId = input.funderOrganizationId;
  await references.assertExistByField('Organization', { funderOrganizationId: input.funderOrganizationId });
  try {
    return await em.transactional(async (tx) => {
      tx.persist(programme);
      for (const lot of lots) {
        lot.programme = ref(programme);
        tx.persist(lot);
      }
      await tx.flush();
      return programme;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(`the funder already runs a programme with code ${JSON.stringify(programme.code)}`, { field: 'code' });
    }
    throw error;
  }
}
