import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Auth } from '../auth/auth.decorator';
import { AuthRule } from '../auth/auth-rule';
import { SUBGRAPHS, type SubgraphName } from '../config';
import type { HubContext } from '../context';
import type { References } from '../references';
import { DateTimeScalar } from '../scalars';
import { AuditEntry, type AuditAction } from './audit-entry';

/** Which entries of the audit log to read, newest first. */
export interface AuditQuery {
  subjectPersonId?: string;
  actorPersonId?: string;
  action?: AuditAction;
  since?: Date;
  until?: Date;
  /** Entries older than this one (the previous page's last), in the order (at, id) descending. */
  before?: { at: Date; id: string };
  first: number;
}

/** One subgraph's own entries, newest first. */
export function findAuditEntries(em: EntityManager, query: AuditQuery): Promise<AuditEntry[]> {
  const where: FilterQuery<AuditEntry>[] = [];
  if (query.subjectPersonId) where.push({ subjectPersonId: query.subjectPersonId });
  if (query.actorPersonId) where.push({ actorPersonId: query.actorPersonId });
  if (query.action) where.push({ action: query.action });
  if (query.since) where.push({ at: { $gte: query.since } });
  if (query.until) where.push({ at: { $lt: query.until } });
  if (query.before) where.push({ $or: [{ at: { $lt: query.before.at } }, { at: query.before.at, id: { $lt: query.before.id } }] });
  return em.fork().find(AuditEntry, { $and: where }, { orderBy: [{ at: 'desc' }, { id: 'desc' }], limit: query.first });
}

/** An audit entry as it crosses from one subgraph to the one that serves the audit log (internal). */
@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType('AuditRecord', { description: 'Internal: one audit entry of one subgraph.' })
export class AuditRecord {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) at!: Date;
  @Field() requestId!: string;
  @Field() actorKind!: string;
  @Field(() => ID, { nullable: true }) actorPersonId?: string | null;
  @Field(() => ID, { nullable: true }) actorApiKeyId?: string | null;
  @Field(() => [ID]) actorOrganizationIds!: string[];
  @Field(() => ID) subjectPersonId!: string;
  @Field() action!: string;
  @Field() outcome!: string;
  @Field(() => [String]) fields!: string[];
}

/** The internal query each subgraph answers its audit entries with, e.g. `_auditEntriesInTraining`. */
export function auditQueryName(subgraph: SubgraphName): string {
  return `_auditEntriesIn${subgraph.charAt(0).toUpperCase()}${subgraph.slice(1)}`;
}

/** The resolver of a subgraph's internal audit query: hidden from the composed API, for the hub's own services only. */
export function auditEntriesResolver(subgraph: SubgraphName): new () => object {
  @Resolver()
  class AuditEntriesResolver {
    @Query(() => [AuditRecord], { name: auditQueryName(subgraph), description: `Internal: the ${subgraph} subgraph's audit entries, newest first.` })
    @Directive('@inaccessible')
    @Auth(AuthRule.SERVICE)
    entries(
      @Arg('first', () => Int) first: number,
      @Arg('subjectPersonId', () => ID, { nullable: true }) subjectPersonId: string | undefined,
      @Arg('actorPersonId', () => ID, { nullable: true }) actorPersonId: string | undefined,
      @Arg('action', () => String, { nullable: true }) action: AuditAction | undefined,
      @Arg('since', () => DateTimeScalar, { nullable: true }) since: Date | undefined,
      @Arg('until', () => DateTimeScalar, { nullable: true }) until: Date | undefined,
      @Arg('beforeAt', () => DateTimeScalar, { nullable: true }) beforeAt: Date | undefined,
      @Arg('beforeId', () => ID, { nullable: true }) beforeId: string | undefined,
      @Ctx() ctx: HubContext,
    ): Promise<AuditRecord[]> {
      const before = beforeAt && beforeId ? { at: beforeAt, id: beforeId } : undefined;
      return findAuditEntries(ctx.em, { first: Math.min(Math.max(first, 1), 1000), subjectPersonId, actorPersonId, action, since, until, before });
    }
  }
  return AuditEntriesResolver;
}

const RECORD_FIELDS = 'id at requestId actorKind actorPersonId actorApiKeyId actorOrganizationIds subjectPersonId action outcome fields';

/** Asks another subgraph for its audit entries, signed as this subgraph. */
async function requestAuditEntries(references: References, subgraph: SubgraphName, query: AuditQuery): Promise<AuditEntry[]> {
  const name = auditQueryName(subgraph);
  const data = await references.request<Record<string, (Omit<AuditEntry, 'at'> & { at: string })[]>>(
    subgraph,
    `query($first: Int!, $subject: ID, $actor: ID, $action: String, $since: DateTime, $until: DateTime, $beforeAt: DateTime, $beforeId: ID) {
      ${name}(first: $first, subjectPersonId: $subject, actorPersonId: $actor, action: $action, since: $since, until: $until, beforeAt: $beforeAt, beforeId: $beforeId) { ${RECORD_FIELDS} } }`,
    {
      first: query.first,
      subject: query.subjectPersonId,
      actor: query.actorPersonId,
      action: query.action,
      since: query.since?.toISOString(),
      until: query.until?.toISOString(),
      beforeAt: query.before?.at.toISOString(),
      beforeId: query.before?.id,
    },
  );
  return data[name]!.map((record) => Object.assign(new AuditEntry(), record, { at: new Date(record.at) }));
}

/** An audit entry with the subgraph that holds the data it is about. */
export type HubAuditEntry = AuditEntry & { subgraph: SubgraphName };

const newestFirst = (a: HubAuditEntry, b: HubAuditEntry) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The hub's audit log: every subgraph's entries, merged newest first. This subgraph's own are
 * read from its table, the others' through their internal audit query, one request each (in
 * parallel). A subgraph that does not answer fails the read: an audit log with a silent gap
 * would tell a person nobody saw what somebody did.
 */
export async function readHubAuditLog(
  own: { subgraph: SubgraphName; em: EntityManager; references: References },
  query: AuditQuery,
): Promise<{ entries: HubAuditEntry[]; hasMore: boolean }> {
  const pages = await Promise.all(
    SUBGRAPHS.map(async (subgraph) => {
      const ask = { ...query, first: query.first + 1 };
      try {
        const entries = subgraph === own.subgraph ? await findAuditEntries(own.em, ask) : await requestAuditEntries(own.references, subgraph, ask);
        return entries.map((entry) => Object.assign(entry, { subgraph }) as HubAuditEntry);
      } catch (error) {
        throw new GraphQLError(`The audit log is incomplete without the ${subgraph} subgraph, which did not answer; try again shortly.`, {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph },
          originalError: error as Error,
        });
      }
    }),
  );
  const merged = pages.flat().sort(newestFirst);
  return { entries: merged.slice(0, query.first), hasMore: merged.length > query.first };
}
