import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  assertCurrency,
  definePageLoader,
  distinct,
  textMatch,
  paginate,
  paginateByParent,
  type ConnectionArgs,
  type Page,
  type PageOrder,
  defineRowsById,
} from '@ngo-hub/kit';
import { Grant } from '../entities/grant';
import type { GrantFilter, OrganizationGrantsArgs } from '../inputs/grant.input';
import { uuidFilter } from './id-filter';
import { datesOfYear } from './year';

/** Newest awards first; 360Giving readers scan grants by award date. */
export const GRANT_ORDER: PageOrder<Grant> = { by: 'awardDate', direction: 'desc' };

/** Grants by id, many per query: behind `grant(id)` and `_entities`. */
export const grantById = defineRowsById('grantById', Grant);

export function grantWhere(filter: GrantFilter = {}): FilterQuery<Grant> {
  const conditions: FilterQuery<Grant>[] = [];
  if (filter.funderId) conditions.push({ fundingOrganizationId: uuidFilter(filter.funderId, 'filter.funderId') });
  if (filter.recipientId) conditions.push({ recipientOrganizationId: uuidFilter(filter.recipientId, 'filter.recipientId') });
  if (filter.programmeId) conditions.push({ programme: uuidFilter(filter.programmeId, 'filter.programmeId') });
  if (filter.status) conditions.push({ status: filter.status });
  if (filter.illustrative !== undefined && filter.illustrative !== null) conditions.push({ provenance: { illustrative: filter.illustrative } });
  if (filter.year !== undefined && filter.year !== null) conditions.push({ awardDate: datesOfYear(filter.year, 'filter.year') });
  if (filter.currency) conditions.push({ currency: assertCurrency(filter.currency, 'filter.currency') });
  if (filter.causeAreas?.length) conditions.push({ causeAreas: { $overlap: distinct(filter.causeAreas, 'filter.causeAreas') } });
  const search = filter.search?.trim();
  if (search) conditions.push(textMatch<Grant>([{ property: 'title', column: 'title' }], search, '"funding"."grant"'));
  return conditions.length ? { $and: conditions } : {};
}

export function listGrants(em: EntityManager, filter: GrantFilter | undefined, args: ConnectionArgs): Promise<Page<Grant>> {
  return paginate(em, Grant, grantWhere(filter), args, GRANT_ORDER);
}

/** Pages of grants for many parents (programmes or organizations) in a fixed number of queries. */
function grantPagesOf(
  em: EntityManager,
  parentKey: 'programme' | 'recipientOrganizationId' | 'fundingOrganizationId',
  parentIds: readonly string[],
  where: FilterQuery<Grant>,
  args: ConnectionArgs,
): Promise<Page<Grant>[]> {
  return paginateByParent(em, Grant, parentKey, parentIds, where, args, GRANT_ORDER);
}

function organizationGrantsWhere(args: OrganizationGrantsArgs): FilterQuery<Grant> {
  const conditions: FilterQuery<Grant>[] = [];
  if (args.year !== undefined && args.year !== null) conditions.push({ awardDate: datesOfYear(args.year, 'year') });
  if (args.status) conditions.push({ status: args.status });
  if (args.programmeId) conditions.push({ programme: uuidFilter(args.programmeId, 'programmeId') });
  return conditions.length ? { $and: conditions } : {};
}

export const grantsOfProgramme = definePageLoader<Grant, ConnectionArgs>('grantsOfProgramme', (ids, args, ctx) =>
  grantPagesOf(ctx.em, 'programme', ids, {}, args),
);

export const grantsReceivedBy = definePageLoader<Grant, OrganizationGrantsArgs>('grantsReceivedBy', (ids, args, ctx) =>
  grantPagesOf(ctx.em, 'recipientOrganizationId', ids, organizationGrantsWhere(args), args),
);

export const grantsMadeBy = definePageLoader<Grant, OrganizationGrantsArgs>('grantsMadeBy', (ids, args, ctx) =>
  grantPagesOf(ctx.em, 'fundingOrganizationId', ids, organizationGrantsWhere(args), args),
);
