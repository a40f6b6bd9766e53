import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  defineLoader,
  isUuid,
  optionalText,
  paginate,
  parseMoney,
  requiredText,
  type ConnectionArgs,
  type Page,
  type References,
} from '@ngo-hub/kit';
import { FundingProgramme } from '../entities/funding-programme';
import type { CreateFundingProgrammeInput, FundingProgrammeFilter } from '../inputs/funding-programme.input';
import { uuidFilter } from './id-filter';
import { assertYear } from './year';

/** Programmes by id, many per query: behind `fundingProgramme(id)` and `Grant.programme`. */
export const programmeById = defineLoader<string, FundingProgramme | null>('programmeById', async (ids, ctx) => {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await ctx.em.find(FundingProgramme, { id: { $in: valid } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
});

export function programmeWhere(filter: FundingProgrammeFilter = {}): FilterQuery<FundingProgramme> {
  const conditions: FilterQuery<FundingProgramme>[] = [];
  if (filter.funderId) conditions.push({ funderOrganizationId: uuidFilter(filter.funderId, 'filter.funderId') });
  if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.year !== undefined && filter.year !== null) conditions.push({ year: assertYear(filter.year, 'filter.year') });
  return conditions.length ? { $and: conditions } : {};
}

export function listProgrammes(em: EntityManager, filter: FundingProgrammeFilter | undefined, args: ConnectionArgs): Promise<Page<FundingProgramme>> {
  return paginate(em, FundingProgramme, programmeWhere(filter), args, { by: 'year', direction: 'desc' });
}

export async function createFundingProgramme(em: EntityManager, references: References, input: CreateFundingProgrammeInput): Promise<FundingProgramme> {
  const programme = new FundingProgramme();
  programme.name = requiredText(input.name, 'name', 300);
  programme.nameZh = optionalText(input.nameZh, 'nameZh', 300);
  programme.kind = input.kind;
  programme.year = assertYear(input.year, 'year');
  programme.description = optionalText(input.description, 'description', 10000);
  if (input.budget) {
    const budget = parseMoney(input.budget, 'budget');
    programme.budgetAmount = budget.amount;
    programme.budgetCurrency = budget.currency;
  }
  programme.funderOrganizationId = input.funderOrganizationId;
  await references.assertExistByField('Organization', { funderOrganizationId: input.funderOrganizationId });
  return em.transactional(async (tx) => {
    tx.persist(programme);
    await tx.flush();
    return programme;
  });
}
