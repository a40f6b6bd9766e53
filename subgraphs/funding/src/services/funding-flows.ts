import type { EntityManager } from '@mikro-orm/postgresql';
import {
  distinct,
  encodeCursor,
  isUuid,
  money,
  optionalText,
  pageRequest,
  UserInputError,
  type Page,
  type PageRequest,
  pgArray,
  query,
  tableOf,
} from '@ngo-hub/kit';
import { COMMITTED_STATUSES, Grant } from '../entities/grant';
import { organizationRef } from '../entities/organization-ref';
import type { FundingFlowFilter, FundingFlowsArgs } from '../inputs/funding-flow.input';
import { FundingFlow } from '../types/funding-flow';
import type { OrganizationDirectory } from './organization-directory';
import { assertYear } from './year';

/** Most organizations a city, province or funder-kind filter may stand for; the ids travel into one SQL parameter. */
export const MAX_FILTER_ORGANIZATIONS = 5000;

interface FlowRow {
  total_count: number;
  funder_id: string | null;
  recipient_id: string | null;
  grant_count: number;
  totals: { amount: string; currency: string }[];
}

/** The cursor of a flow: its grant count and its two organizations. */
function flowCursor(after: PageRequest['after']): { grantCount: number; funderId: string; recipientId: string } | undefined {
  if (!after) return undefined;
  const [funderId, recipientId] = after.id.split(':');
  if (typeof after.value !== 'number' || !Number.isInteger(after.value) || !isUuid(funderId ?? '') || !isUuid(recipientId ?? '')) {
    throw new UserInputError('after is not a cursor this list gave out; use a pageInfo.endCursor', 'after');
  }
  return { grantCount: after.value, funderId, recipientId };
}

function checkedFilter(filter: FundingFlowFilter) {
  const yearFrom = filter.yearFrom === undefined || filter.yearFrom === null ? undefined : assertYear(filter.yearFrom, 'filter.yearFrom');
  const yearTo = filter.yearTo === undefined || filter.yearTo === null ? undefined : assertYear(filter.yearTo, 'filter.yearTo');
  if (yearFrom !== undefined && yearTo !== undefined && yearTo < yearFrom) {
    throw new UserInputError(`filter.yearTo (${yearTo}) must not be before filter.yearFrom (${yearFrom})`, 'filter.yearTo');
  }
  return {
    yearFrom,
    yearTo,
    city: optionalText(filter.city, 'filter.city', 100),
    province: optionalText(filter.province, 'filter.province', 100),
    funderKinds: distinct(filter.funderKinds, 'filter.funderKinds'),
    causeAreas: distinct(filter.causeAreas, 'filter.causeAreas'),
    illustrative: typeof filter.illustrative === 'boolean' ? filter.illustrative : undefined,
  };
}

/**
 * Funder → recipient edges of the sector map with grant counts and totals per currency.
 * Where organizations are (city, province) and what they are (kind) is the organizations
 * subgraph's: it is asked over HTTP for the matching ids (at most MAX_FILTER_ORGANIZATIONS),
 * and the grants are then aggregated in one SQL statement here. A page holds at most 100 flows,
 * the flow with most grants first.
 */
export async function fundingFlows(em: EntityManager, directory: OrganizationDirectory, args: FundingFlowsArgs): Promise<Page<FundingFlow>> {
  const request = pageRequest(args);
  const cursor = flowCursor(request.after);
  const filter = checkedFilter(args.filter ?? {});

  const [recipientIds, funderIds] = await Promise.all([
    filter.city || filter.province
      ? directory.idsMatching({ city: filter.city, province: filter.province }, MAX_FILTER_ORGANIZATIONS, filter.city ? 'filter.city' : 'filter.province')
      : undefined,
    filter.funderKinds.length ? directory.idsMatching({ kinds: filter.funderKinds }, MAX_FILTER_ORGANIZATIONS, 'filter.funderKinds') : undefined,
  ]);
  const empty: Page<FundingFlow> = {
    edges: [],
    nodes: [],
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: request.after !== undefined, startCursor: null, endCursor: null },
  };
  if (recipientIds?.length === 0 || funderIds?.length === 0) return empty;

  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const where = (sql: string, ...values: (string | number)[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  where('status = any(?::text[])', pgArray(COMMITTED_STATUSES));
  if (filter.yearFrom !== undefined) where('award_date >= ?::date', `${filter.yearFrom}-01-01`);
  if (filter.yearTo !== undefined) where('award_date < ?::date', `${filter.yearTo + 1}-01-01`);
  if (filter.illustrative !== undefined) where('provenance_illustrative = ?::boolean', String(filter.illustrative));
  if (filter.causeAreas.length) where('cause_areas && ?::text[]', pgArray(filter.causeAreas));
  if (recipientIds) where('recipient_organization_id = any(?::uuid[])', pgArray(recipientIds));
  if (funderIds) where('funding_organization_id = any(?::uuid[])', pgArray(funderIds));
  let after = 'true';
  if (cursor) {
    after = '(grant_count < ? or (grant_count = ? and (funder_id, recipient_id) > (?::uuid, ?::uuid)))';
    params.push(cursor.grantCount, cursor.grantCount, cursor.funderId, cursor.recipientId);
  }
  params.push(request.first + 1);

  const rows = await query<FlowRow>(
    em,
    `with per_currency as (
       select funding_organization_id as funder_id, recipient_organization_id as recipient_id, currency, count(*) as grants, sum(amount) as total
       from ${tableOf(em, Grant)} where ${conditions.join(' and ')}
       group by 1, 2, 3
     ), flows as (
       select funder_id, recipient_id, sum(grants)::int as grant_count,
              json_agg(json_build_object('amount', total::text, 'currency', currency) order by currency) as totals
       from per_currency group by 1, 2
     )
     select counted.total_count, page.* from (select count(*)::int as total_count from flows) as counted
     left join lateral (
       select * from flows where ${after} order by grant_count desc, funder_id, recipient_id limit ?
     ) as page on true`,
    params,
  );

  const flows = rows.filter((row) => row.funder_id !== null).slice(0, request.first);
  const edges = flows.map((row) => ({
    cursor: encodeCursor(row.grant_count, `${row.funder_id}:${row.recipient_id}`),
    node: Object.assign(new FundingFlow(), {
      funder: organizationRef(row.funder_id!),
      recipient: organizationRef(row.recipient_id!),
      grantCount: row.grant_count,
      totals: row.totals.map((t) => money(t.amount, t.currency)),
    }),
  }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount: rows[0]?.total_count ?? 0,
    pageInfo: {
      hasNextPage: rows.filter((row) => row.funder_id !== null).length > request.first,
      hasPreviousPage: request.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
