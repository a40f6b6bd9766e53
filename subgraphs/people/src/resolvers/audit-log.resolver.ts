import {
  Auth,
  AuthRule,
  ConnectionArgs,
  encodeCursor,
  isTrusted,
  isUuid,
  pageRequest,
  readHubAuditLog,
  UserInputError,
  type AuditQuery,
  type HubContext,
  CacheControl,
} from '@ngo-hub/kit';
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { MyData } from '../entities/my-data';
import { Person } from '../entities/person';
import { personById } from '../services/people';
import { AuditActor, AuditLogConnection, AuditLogEntry, AuditLogFilter, toAuditLogEntry } from '../types/audit-log';

@ArgsType()
class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  filter?: AuditLogFilter;
}

/** The signed-in person, unless the filter names someone (only hub admins may name another). */
function subjectOf(args: AuditLogArgs, ctx: HubContext): string | undefined {
  if (args.filter?.subject) return args.filter.subject;
  return ctx.identity.kind === 'caller' ? (ctx.identity.personId ?? undefined) : undefined;
}

function auditQuery(args: AuditLogArgs, ctx: HubContext): AuditQuery {
  const { first, after } = pageRequest(args);
  const filter = args.filter ?? {};
  for (const [field, id] of [
    ['filter.subject', filter.subject],
    ['filter.actor', filter.actor],
  ] as const) {
    if (id !== undefined && id !== null && !isUuid(id)) throw new UserInputError(`${field} must be the id (a UUID) of a Person`, field);
  }
  let before: AuditQuery['before'];
  if (after) {
    const at = new Date(String(after.value));
    if (Number.isNaN(at.getTime()) || !isUuid(after.id))
      throw new UserInputError('after is not a cursor this list gave out; use a pageInfo.endCursor', 'after');
    before = { at, id: after.id };
  }
  // a hub admin who names nobody reads everyone's log; anyone else reads their own
  const subjectPersonId = isTrusted(ctx.identity) ? (filter.subject ?? undefined) : subjectOf(args, ctx);
  return {
    first,
    before,
    subjectPersonId,
    actorPersonId: filter.actor ?? undefined,
    action: filter.action ?? undefined,
    since: filter.since ?? undefined,
    until: filter.until ?? undefined,
  };
}

/** `Query.auditLog`: who read or changed personal data, across the four subgraphs. */
@Resolver(() => AuditLogEntry)
export class AuditLogResolver {
  @CacheControl({ maxAge: 0, scope: 'PRIVATE' })
  @Query(() => AuditLogConnection, {
    description:
      "Who read or changed personal data (contact details, applications, enrollments, mentorships, non-public profiles), where and when, newest first, across the whole hub. A person sees the accesses to their own data; hub admins see everyone's. Reads by the person themself are not listed; refused attempts are (outcome DENIED).",
  })
  @Auth(AuthRule.SELF, (_source, args: AuditLogArgs, ctx: HubContext) => ({ personId: subjectOf(args, ctx) }))
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: HubContext): Promise<AuditLogConnection> {
    const query = auditQuery(args, ctx);
    const { entries, hasMore } = await readHubAuditLog({ subgraph: 'people', em: ctx.em, references: ctx.references }, query);
    const edges = entries.map((entry) => ({ cursor: encodeCursor(entry.at.toISOString(), entry.id), node: toAuditLogEntry(entry) }));
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: {
        hasNextPage: hasMore,
        hasPreviousPage: query.before !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person whose data it was.' })
  subject(@Root() entry: AuditLogEntry, @Ctx() ctx: HubContext): Promise<Person | null> {
    return ctx.loaders.load(personById, entry.subjectPersonId);
  }
}

/** The actor's person, through the same loader as every other Person. */
@Resolver(() => AuditActor)
export class AuditActorResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The signed-in person who acted, when the credential belongs to one.' })
  person(@Root() actor: AuditActor, @Ctx() ctx: HubContext): Promise<Person | null> | null {
    return actor.personId ? ctx.loaders.load(personById, actor.personId) : null;
  }
}

@ArgsType()
class AccessLogArgs {
  @Field(() => Int, { nullable: true, defaultValue: 100, description: 'How many of the latest accesses (1–100); `Query.auditLog` pages through all of them.' })
  first?: number;
}

/** The export's part: who accessed the person's data lately. */
@Resolver(() => MyData)
export class MyDataAccessLogResolver {
  @FieldResolver(() => [AuditLogEntry], { description: "Who read or changed the person's data lately, newest first, across the hub (see `Query.auditLog`)." })
  async accessLog(@Root() data: MyData, @Args(() => AccessLogArgs) args: AccessLogArgs, @Ctx() ctx: HubContext): Promise<AuditLogEntry[]> {
    const { first } = pageRequest({ first: args.first ?? 100 });
    const { entries } = await readHubAuditLog({ subgraph: 'people', em: ctx.em, references: ctx.references }, { first, subjectPersonId: data.id });
    return entries.map(toAuditLogEntry);
  }
}
