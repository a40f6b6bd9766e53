import type { EntityManager, FilterQuery, QBFilterQuery, QueryBuilder } from '@mikro-orm/postgresql';
import { defineLoader, isUuid, query, tableOf } from '@ngo-hub/kit';
import { IncubationCohort } from '../entities/incubation-cohort';
import { IncubationMembership } from '../entities/incubation-membership';
import { IncubationProgramme } from '../entities/incubation-programme';
import { Organization, type OrganizationKind } from '../entities/organization';
import { OrganizationRelation } from '../entities/organization-relation';
import type { SectorMapFilter } from '../inputs/sector-map.input';
import {
  SECTOR_NETWORK_EDGE_LIMIT,
  SECTOR_NETWORK_NODE_LIMIT,
  SectorNetworkEdgeKind,
  type SectorMapCount,
  type SectorNetwork,
  type SectorNetworkEdge,
  type SectorScope,
} from '../types/sector-map';
import type { IncubationStatus } from '../vocabulary/incubation-status';
import { organizationWhere } from './organizations';

export function sectorScopeOf(filter: SectorMapFilter | undefined): SectorScope {
  const scope: SectorScope = {};
  if (filter?.city?.trim()) scope.city = filter.city.trim();
  if (filter?.province?.trim()) scope.province = filter.province.trim();
  if (filter?.kinds?.length) scope.kinds = [...new Set(filter.kinds)].sort();
  if (filter?.causeAreas?.length) scope.causeAreas = [...new Set(filter.causeAreas)].sort();
  if (filter?.incubatorId) scope.incubatorId = filter.incubatorId;
  if (typeof filter?.illustrative === 'boolean') scope.illustrative = filter.illustrative;
  return scope;
}

/** The organizations a scope selects, as a query builder aliased `o`. */
function scopeQuery(em: EntityManager, scope: SectorScope): QueryBuilder<Organization> {
  const qb = em.createQueryBuilder(Organization, 'o').where(
    organizationWhere({
      city: scope.city,
      province: scope.province,
      kinds: scope.kinds as OrganizationKind[],
      causeAreas: scope.causeAreas as never,
      illustrative: scope.illustrative,
    }) as QBFilterQuery<Organization>,
  );
  if (scope.incubatorId) {
    const incubated = em
      .createQueryBuilder(IncubationMembership, 'm')
      .select('m.organization')
      .join('m.cohort', 'c')
      .join('c.programme', 'p')
      .where({ 'p.incubator': isUuid(scope.incubatorId) ? scope.incubatorId : null });
    qb.andWhere({ id: { $in: incubated.getKnexQuery() } });
  }
  return qb;
}

const DIMENSIONS = {
  byCity: 'city',
  byProvince: 'province',
  byKind: 'kind',
  byRegistrationStatus: 'registration_status',
  byStage: 'stage',
} as const;

export type SectorCounts = { organizationCount: number } & Record<keyof typeof DIMENSIONS | 'byCauseArea', SectorMapCount[]>;

/**
 * Every count of a scope in one statement: the scope as a CTE, one GROUP BY per dimension (cause
 * areas unnested from their array), joined with UNION ALL. No organization row leaves the database.
 */
async function countsOf(em: EntityManager, scope: SectorScope): Promise<SectorCounts> {
  const knex = em.getKnex();
  const selected = scopeQuery(em, scope).select(['o.id', 'o.city', 'o.province', 'o.kind', 'o.cause_areas', 'o.registration_status', 'o.stage']).getKnexQuery();
  const groups = Object.entries(DIMENSIONS).map(([dimension, column]) =>
    knex
      .select(knex.raw('? as dimension', [dimension]), knex.raw(`"${column}"::text as key`), knex.raw('count(*)::int as count'))
      .from('scope')
      .groupBy(column),
  );
  const causes = knex
    .select(knex.raw("'byCauseArea' as dimension"), knex.raw('cause::text as key'), knex.raw('count(*)::int as count'))
    .from(knex.raw('scope cross join unnest(scope.cause_areas) as cause'))
    .groupBy('cause');
  const rows = (await knex
    .with('scope', selected)
    .select(knex.raw("'total' as dimension"), knex.raw('null::text as key'), knex.raw('count(*)::int as count'))
    .from('scope')
    .unionAll([...groups, causes], true)) as { dimension: string; key: string | null; count: number }[];

  const counts = { organizationCount: 0, byCity: [], byProvince: [], byKind: [], byRegistrationStatus: [], byStage: [], byCauseArea: [] } as SectorCounts;
  for (const row of rows) {
    if (row.dimension === 'total') counts.organizationCount = Number(row.count);
    else counts[row.dimension as keyof typeof DIMENSIONS].push({ key: row.key, count: Number(row.count) });
  }
  for (const dimension of [...Object.keys(DIMENSIONS), 'byCauseArea'] as (keyof typeof DIMENSIONS)[]) {
    counts[dimension].sort((a, b) => b.count - a.count || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'));
  }
  return counts;
}

interface EdgeRow {
  id: string;
  kind: SectorNetworkEdgeKind;
  from_id: string;
  to_id: string;
  started_on: string | null;
  ended_on: string | null;
  status: IncubationStatus | null;
}

/** Relations and incubation memberships touching any of the organizations, in one statement. */
function edgesTouching(em: EntityManager, ids: string[]): Promise<EdgeRow[]> {
  const list = ids.map(() => '?').join(', ');
  const relations = tableOf(em, OrganizationRelation);
  const memberships = tableOf(em, IncubationMembership);
  const cohorts = tableOf(em, IncubationCohort);
  const programmes = tableOf(em, IncubationProgramme);
  return query<EdgeRow>(
    em,
    `select * from (
         select r.id, r.kind, r.from_organization_id as from_id, r.to_organization_id as to_id, r.started_on, r.ended_on, null as status
           from ${relations} r where r.from_organization_id in (${list}) or r.to_organization_id in (${list})
         union all
         select m.id, '${SectorNetworkEdgeKind.INCUBATED_BY}', m.organization_id, p.incubator_id, m.started_on, m.ended_on, m.status
           from ${memberships} m join ${cohorts} c on c.id = m.cohort_id join ${programmes} p on p.id = c.programme_id
          where m.organization_id in (${list}) or p.incubator_id in (${list})
       ) e order by e.kind, e.id limit ?`,
    [...ids, ...ids, ...ids, ...ids, SECTOR_NETWORK_EDGE_LIMIT + 1],
  );
}

/**
 * The network of a scope in at most three statements: the selected organizations (one more than
 * the limit, to know whether any were left out), the ties touching them, and the organizations
 * outside the scope those ties reach.
 */
async function networkOf(em: EntityManager, scope: SectorScope): Promise<SectorNetwork> {
  const selected = await scopeQuery(em, scope)
    .select('o.*')
    .orderBy({ name: 'asc', id: 'asc' })
    .limit(SECTOR_NETWORK_NODE_LIMIT + 1)
    .getResultList();
  let truncated = selected.length > SECTOR_NETWORK_NODE_LIMIT;
  const inScope = selected.slice(0, SECTOR_NETWORK_NODE_LIMIT);
  const nodes = inScope.map((organization) => ({ id: organization.id, organization, inScope: true }));
  if (inScope.length === 0) return { nodes, edges: [], truncated, nodeLimit: SECTOR_NETWORK_NODE_LIMIT, edgeLimit: SECTOR_NETWORK_EDGE_LIMIT };

  const rows = await edgesTouching(
    em,
    inScope.map((o) => o.id),
  );
  if (rows.length > SECTOR_NETWORK_EDGE_LIMIT) truncated = true;
  const ties = rows.slice(0, SECTOR_NETWORK_EDGE_LIMIT);
  const known = new Set(nodes.map((n) => n.id));
  const outside = [...new Set(ties.flatMap((t) => [t.from_id, t.to_id]).filter((id) => !known.has(id)))];
  const room = SECTOR_NETWORK_NODE_LIMIT - nodes.length;
  if (outside.length > room) truncated = true;
  const hidden = new Set<string>();
  if (outside.length && room > 0) {
    const beyond: FilterQuery<Organization> = { id: { $in: outside } };
    // Hiding illustrative records hides them everywhere: a sourced organization's tie to an
    // invented one is left out with the invented organization.
    if (scope.illustrative !== undefined) Object.assign(beyond, { provenance: { illustrative: scope.illustrative } });
    const reached = await em.find(Organization, beyond, { orderBy: [{ name: 'asc' }, { id: 'asc' }], limit: room });
    for (const organization of reached) {
      nodes.push({ id: organization.id, organization, inScope: false });
      known.add(organization.id);
    }
    // Everything outside fitted: what did not come back is left out by the filter, not by the limit.
    if (outside.length <= room) for (const id of outside) if (!known.has(id)) hidden.add(id);
  }
  const edges: SectorNetworkEdge[] = ties
    .filter((t) => known.has(t.from_id) && known.has(t.to_id))
    .map((t) => ({
      id: t.id,
      kind: t.kind,
      fromId: t.from_id,
      toId: t.to_id,
      startedOn: t.started_on,
      endedOn: t.ended_on,
      active: t.ended_on === null,
      incubationStatus: t.status,
    }));
  if (ties.some((t) => !(known.has(t.from_id) && known.has(t.to_id)) && !hidden.has(t.from_id) && !hidden.has(t.to_id))) truncated = true;
  return { nodes, edges, truncated, nodeLimit: SECTOR_NETWORK_NODE_LIMIT, edgeLimit: SECTOR_NETWORK_EDGE_LIMIT };
}

const byScope = { cacheKey: (scope: SectorScope) => JSON.stringify(scope) };

/** The counts of each scope asked for in a request: one statement per distinct scope. */
export const sectorCounts = defineLoader<SectorScope, SectorCounts>(
  'sectorCounts',
  (scopes, ctx) => Promise.all(scopes.map((s) => countsOf(ctx.em, s))),
  byScope,
);

/** The network of each scope asked for in a request: at most three statements per distinct scope. */
export const sectorNetwork = defineLoader<SectorScope, SectorNetwork>(
  'sectorNetwork',
  (scopes, ctx) => Promise.all(scopes.map((s) => networkOf(ctx.em, s))),
  byScope,
);
