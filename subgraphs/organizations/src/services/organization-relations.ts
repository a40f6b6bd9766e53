import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError,
  decodeCursor,
  defineLoader,
  encodeCursor,
  findOrNotFound,
  groupBy,
  isUuid,
  NotFoundError,
  optionalText,
  type Page,
  type PageInfo,
  type PageKey,
  pageRequest,
  pastDate,
  today,
  UserInputError,
} from '@ngo-hub/kit';
import { Organization } from '../entities/organization';
import { OrganizationRelation } from '../entities/organization-relation';
import type { AddOrganizationRelationInput, EndOrganizationRelationInput, OrganizationRelationsArgs } from '../inputs/organization-relation.input';
import { SYMMETRIC_RELATION_KINDS, type OrganizationRelationKind } from '../vocabulary/organization-relation-kind';
import { RelationDirection } from '../vocabulary/relation-direction';

/** A relation as one organization sees it: which way it points and who is at the other end. */
export interface RelationEdge {
  cursor: string;
  node: OrganizationRelation;
  direction: RelationDirection.OUTGOING | RelationDirection.INCOMING;
  relatedOrganizationId: string;
}

export interface RelationPage extends Page<OrganizationRelation> {
  edges: RelationEdge[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** What the page query adds to a relation's own columns (every one of them, so new columns need no change here). */
const PAGE_COLUMNS = new Set(['self_id', 'other_id', 'direction', '__rank']);

function relationTable(em: EntityManager): string {
  const meta = em.getMetadata().get(OrganizationRelation.name);
  return `"${meta.schema ?? em.config.get('schema')}"."${meta.tableName}"`;
}

type Sql = { sql: string; bindings: (string | number)[] };

/** Each relation once per side that belongs to one of the organizations (`self_id`), with its direction and the organization at the other end. */
function sidesOf(em: EntityManager, organizationIds: string[], direction: RelationDirection): Sql {
  const table = relationTable(em);
  const list = organizationIds.map(() => '?').join(', ');
  const columns = 'r.*';
  const parts: string[] = [];
  const bindings: string[] = [];
  if (direction !== RelationDirection.INCOMING) {
    parts.push(
      `select ${columns}, r.from_organization_id as self_id, r.to_organization_id as other_id, 'OUTGOING' as direction from ${table} r where r.from_organization_id in (${list})`,
    );
    bindings.push(...organizationIds);
  }
  if (direction !== RelationDirection.OUTGOING) {
    parts.push(
      `select ${columns}, r.to_organization_id as self_id, r.from_organization_id as other_id, 'INCOMING' as direction from ${table} r where r.to_organization_id in (${list})`,
    );
    bindings.push(...organizationIds);
  }
  return { sql: parts.join(' union all '), bindings };
}

/** The list's filters on the sides aliased `alias`, and "after the cursor" in the order started_on (unknown last), id. */
function conditionsOf(alias: string, args: OrganizationRelationsArgs, after?: { value: unknown; id: string }): Sql {
  const conditions = ['true'];
  const bindings: string[] = [];
  if (args.kinds?.length) {
    conditions.push(`${alias}.kind in (${args.kinds.map(() => '?').join(', ')})`);
    bindings.push(...args.kinds);
  }
  if (args.active === true) conditions.push(`${alias}.ended_on is null`);
  if (args.active === false) conditions.push(`${alias}.ended_on is not null`);
  if (after && after.value === null) {
    conditions.push(`(${alias}.started_on is null and ${alias}.id > ?)`);
    bindings.push(after.id);
  } else if (after) {
    conditions.push(`(${alias}.started_on > ? or (${alias}.started_on = ? and ${alias}.id > ?) or ${alias}.started_on is null)`);
    bindings.push(String(after.value), String(after.value), after.id);
  }
  return { sql: conditions.join(' and '), bindings };
}

function decodeRelationCursor(cursor: string | undefined): { value: unknown; id: string } | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const after = decodeCursor(cursor);
  const valueFits = after.value === null || (typeof after.value === 'string' && DATE.test(after.value) && !Number.isNaN(Date.parse(after.value)));
  if (!isUuid(after.id) || !valueFits) throw new UserInputError('after is not a cursor this list gave out; use a pageInfo.endCursor', 'after');
  return after;
}

/**
 * Pages of `Organization.relations` for many organizations at once: one query for the rows (each
 * organization's list cut at `first` by a window function) and one for the totals.
 */
async function relationPages(em: EntityManager, organizationIds: readonly string[], args: OrganizationRelationsArgs): Promise<RelationPage[]> {
  const request = pageRequest(args);
  const after = decodeRelationCursor(args.after);
  const wanted = [...new Set(organizationIds.filter(isUuid))];
  const rowsBy = new Map<string, Record<string, unknown>[]>();
  const totals = new Map<string, number>();
  if (wanted.length) {
    const sides = sidesOf(em, wanted, args.direction);
    const page = conditionsOf('p', args, after);
    const all = conditionsOf('c', args);
    const knex = em.getKnex();
    const [rows, counts] = await Promise.all([
      knex.raw<{ rows: Record<string, unknown>[] }>(
        `select * from (select p.*, row_number() over (partition by p.self_id order by p.started_on asc nulls last, p.id asc) as __rank
           from (${sides.sql}) p where ${page.sql}) ranked
         where __rank <= ? order by self_id, __rank`,
        [...sides.bindings, ...page.bindings, request.first + 1],
      ),
      knex.raw<{ rows: Record<string, unknown>[] }>(`select c.self_id, count(*)::int as total from (${sides.sql}) c where ${all.sql} group by c.self_id`, [
        ...sides.bindings,
        ...all.bindings,
      ]),
    ]);
    for (const row of rows.rows) {
      const list = rowsBy.get(String(row.self_id)) ?? [];
      list.push(row);
      rowsBy.set(String(row.self_id), list);
    }
    for (const count of counts.rows) totals.set(String(count.self_id), Number(count.total));
  }
  return organizationIds.map((id) => {
    const rows = rowsBy.get(id) ?? [];
    const edges: RelationEdge[] = rows.slice(0, request.first).map((row) => {
      const node = em.map(OrganizationRelation, Object.fromEntries(Object.entries(row).filter(([column]) => !PAGE_COLUMNS.has(column))) as never);
      return {
        node,
        cursor: encodeCursor(node.startedOn ?? null, node.id),
        direction: row.direction === 'OUTGOING' ? RelationDirection.OUTGOING : RelationDirection.INCOMING,
        relatedOrganizationId: String(row.other_id),
      };
    });
    const pageInfo: PageInfo = {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
    return { edges, nodes: edges.map((e) => e.node), pageInfo, totalCount: totals.get(id) ?? 0 };
  });
}

/** `Organization.relations` for many organizations: two queries per distinct set of arguments. */
export const relationsOfOrganization = defineLoader<PageKey<OrganizationRelationsArgs>, RelationPage>(
  'relationsOfOrganization',
  async (keys, ctx) => {
    const results: RelationPage[] = new Array(keys.length);
    for (const { group, indexes } of groupBy(keys, (key) => key.args).values()) {
      const pages = await relationPages(
        ctx.em,
        indexes.map((i) => keys[i].parentId),
        group,
      );
      indexes.forEach((keyIndex, i) => (results[keyIndex] = pages[i]));
    }
    return results;
  },
  { cacheKey: (key) => JSON.stringify([key.parentId, key.args]) },
);

function activeDuplicateOf(em: EntityManager, kind: OrganizationRelationKind, from: string, to: string): Promise<OrganizationRelation | null> {
  const ends = SYMMETRIC_RELATION_KINDS.has(kind)
    ? {
        $or: [
          { fromOrganization: from, toOrganization: to },
          { fromOrganization: to, toOrganization: from },
        ],
      }
    : { fromOrganization: from, toOrganization: to };
  return em.findOne(OrganizationRelation, { $and: [{ kind, endedOn: null }, ends] });
}

function duplicateConflict(kind: OrganizationRelationKind, existingId?: string): ConflictError {
  const symmetric = SYMMETRIC_RELATION_KINDS.has(kind) ? ' (in either direction)' : '';
  return new ConflictError(
    `an active ${kind} relation between these organizations${symmetric} exists already; end it (endOrganizationRelation) before adding another`,
    { field: 'toOrganizationId', ...(existingId ? { relationId: existingId } : {}) },
  );
}

/** Adds a relation: two different, existing organizations and no second active relation of the kind. */
export async function addOrganizationRelation(em: EntityManager, input: AddOrganizationRelationInput): Promise<OrganizationRelation> {
  if (input.fromOrganizationId === input.toOrganizationId) {
    throw new UserInputError('an organization cannot be related to itself; toOrganizationId must differ from fromOrganizationId', 'toOrganizationId');
  }
  const startedOn = pastDate(input.startedOn, 'startedOn');
  const endedOn = pastDate(input.endedOn, 'endedOn');
  if (startedOn && endedOn && endedOn < startedOn) throw new UserInputError(`endedOn (${endedOn}) must not be before startedOn (${startedOn})`, 'endedOn');
  const note = optionalText(input.note, 'note', 2000);
  const ids = { fromOrganizationId: input.fromOrganizationId, toOrganizationId: input.toOrganizationId };
  try {
    return await em.transactional(async (tx) => {
      const valid = Object.values(ids).filter(isUuid);
      const found = valid.length ? await tx.find(Organization, { id: { $in: valid } }) : [];
      const byId = new Map(found.map((o) => [o.id, o]));
      for (const [field, id] of Object.entries(ids)) if (!byId.has(id)) throw new NotFoundError('Organization', id, field);
      if (!endedOn) {
        const duplicate = await activeDuplicateOf(tx, input.kind, ids.fromOrganizationId, ids.toOrganizationId);
        if (duplicate) throw duplicateConflict(input.kind, duplicate.id);
      }
      const relation = tx.create(OrganizationRelation, {
        kind: input.kind,
        fromOrganization: byId.get(ids.fromOrganizationId)!,
        toOrganization: byId.get(ids.toOrganizationId)!,
        startedOn,
        endedOn,
        note,
      });
      await tx.flush();
      return relation;
    });
  } catch (error) {
    // a concurrent add of the same relation: the partial unique indexes let only one commit
    if (error instanceof UniqueConstraintViolationException) throw duplicateConflict(input.kind);
    throw error;
  }
}

/** Ends an active relation; ending one twice is a conflict. */
export async function endOrganizationRelation(em: EntityManager, input: EndOrganizationRelationInput): Promise<OrganizationRelation> {
  const endedOn = pastDate(input.endedOn, 'endedOn') ?? today();
  return em.transactional(async (tx) => {
    const relation = await findOrNotFound(tx, OrganizationRelation, input.id, 'id', { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (relation.endedOn) throw new ConflictError(`this ${relation.kind} relation ended on ${relation.endedOn} already`, { field: 'id' });
    if (relation.startedOn && endedOn < relation.startedOn) {
      throw new UserInputError(`endedOn (${endedOn}) must not be before the relation started (${relation.startedOn})`, 'endedOn');
    }
    relation.endedOn = endedOn;
    await tx.flush();
    return relation;
  });
}
