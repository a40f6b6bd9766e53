import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  assertCurrency,
  type ConnectionArgs,
  definePageLoader,
  defineRowsById,
  distinct,
  illustrativeCondition,
  type ListOrder,
  optionalText,
  type Page,
  type PageOrder,
  paginateByParent,
  paginateChanges,
  textMatch,
} from '@ngo-hub/kit';
import { Grant } from '../entities/grant';
import type { GrantFilter, OrganizationGrantsArgs } from '../inputs/grant.input';
import { uuidFilter } from './id-filter';
import type { OrganizationDirectory } from './organization-directory';
import { datesOfYear } from './year';

/** Newest awards first; 360Giving readers scan grants by award date. */
export const GRANT_ORDER: PageOrder<Grant> = { by: 'awardDate', direction: 'desc' };

/** Grants by id, many per query: behind `grant(id)` and `_entities`. */
export const grantById = defineRowsById('grantById', Grant);

/** The organizations a filter's org-ids stand for (none found: an empty list, so nothing matches). */
export interface OrgIdMatches {
  funderIds?: string[];
  recipientIds?: string[];
}

/**
 * Looks up the filter's `funderOrgId` and `recipientOrgId` in the organizations directory; the
 * grants' own columns hold the hub's ids. One request to the organizations subgraph, or none.
 */
export async function orgIdMatches(directory: OrganizationDirectory, filter: GrantFilter = {}): Promise<OrgIdMatches> {
  const funderOrgId = optionalText(filter.funderOrgId, 'filter.funderOrgId', 200);
  const recipientOrgId = optionalText(filter.recipientOrgId, 'filter.recipientOrgId', 200);
  const wanted = [funderOrgId, recipientOrgId].filter((id): id is string => id !== undefined);
  if (!wanted.length) return {};
  const found = await directory.idsByOrgIds(wanted);
  const idsOf = (orgId: string | undefined) => (orgId === undefined ? undefined : found.has(orgId) ? [found.get(orgId)!] : []);
  return { funderIds: idsOf(funderOrgId), recipientIds: idsOf(recipientOrgId) };
}

/** The grants a filter selects; `matches` are its org-ids looked up with `orgIdMatches`. */
export function grantWhere(filter: GrantFilter = {}, matches: OrgIdMatches = {}): FilterQuery<Grant> {
  const conditions: FilterQuery<Grant>[] = [];
  if (matches.funderIds) conditions.push({ fundingOrganizationId: { $in: matches.funderIds } });
  if (matches.recipientIds) conditions.push({ recipientOrganizationId: { $in: matches.recipientIds } });
  if (filter.funderId) conditions.push({ fundingOrganizationId: uuidFilter(filter.funderId, 'filter.funderId') });
  if (filter.recipientId) conditions.push({ recipientOrganizationId: uuidFilter(filter.recipientId, 'filter.recipientId') });
  if (filter.programmeId) conditions.push({ programme: uuidFilter(filter.programmeId, 'filter.programmeId') });
  if (filter.status) conditions.push({ status: filter.status });
  conditions.push(...illustrativeCondition(filter.illustrative));
  if (filter.year !== undefined && filter.year !== null) conditions.push({ awardDate: datesOfYear(filter.year, 'filter.year') });
  if (filter.currency) conditions.push({ currency: assertCurrency(filter.currency, 'filter.currency') });
  if (filter.causeAreas?.length) conditions.push({ causeAreas: { $overlap: distinct(filter.causeAreas, 'filter.causeAreas') } });
  const search = filter.search?.trim();
  if (search) conditions.push(textMatch<Grant>([{ property: 'title', column: 'title' }], search, '"funding"."grant"'));
  return conditions.length ? { $and: conditions } : {};
}

export async function listGrants(
  em: EntityManager,
  directory: OrganizationDirectory,
  filter: GrantFilter | undefined,
  args: ConnectionArgs,
  orderBy?: ListOrder,
): Promise<Page<Grant>> {
  const where = grantWhere(filter, await orgIdMatches(directory, filter));
  return paginateChanges(em, Grant, where, args, GRANT_ORDER, { updatedSince: filter?.updatedSince, orderBy });
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
