import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthRule } from '../auth/auth-rule';
import type { AuthSubject } from '../auth/authorize';
import type { Identity } from '../auth/identity';
import { isUuid, newTimeOrderedId } from '../ids';
import { pgArray, query, tableOf } from '../sql';
import { AuditEntry, type AuditAction, type AuditActorKind, type AuditOutcome } from './audit-entry';

/** Rules that guard a person's data: reads and writes under them are audited. */
const PERSONAL_RULES = new Set<AuthRule>([AuthRule.SELF, AuthRule.SELF_OR_ORGANIZATION_EDITOR, AuthRule.PROFILE]);

/**
 * Whether accesses under `rule` by `identity` are audited: personal data, asked for by a caller.
 * Anonymous callers never see personal data (what they are refused is not worth a row), and the
 * hub's own services (erasure, reference checks) act on the hub's behalf, not a person's.
 */
export function isAudited(rule: AuthRule, identity: Identity): boolean {
  return PERSONAL_RULES.has(rule) && identity.kind === 'caller';
}

/**
 * The people whose data an access under `rule` touched. A person reading their own data is not
 * recorded (every change is, even their own), nor is a profile its owner made public.
 */
export function auditedPeople(rule: AuthRule, identity: Identity, subject: AuthSubject, action: AuditAction): string[] {
  if (rule === AuthRule.PROFILE && action === 'READ' && (subject.visibility === 'PUBLIC' || subject.visibility === undefined)) return [];
  // a subject taken from a mutation's arguments may be anything the caller sent; only an id can be a person
  const people = [subject.personId, ...(subject.personIds ?? [])].filter((id): id is string => typeof id === 'string' && isUuid(id));
  const self = identity.kind === 'caller' ? identity.personId : null;
  return [...new Set(people)].filter((id) => action === 'WRITE' || id !== self);
}

function actorOf(identity: Identity): Pick<AuditEntry, 'actorKind' | 'actorPersonId' | 'actorApiKeyId' | 'actorOrganizationIds'> {
  if (identity.kind !== 'caller') throw new Error(`only callers are audited, not ${identity.kind} identities`);
  const actorKind: AuditActorKind = identity.admin ? 'HUB_ADMIN' : identity.apiKeyId ? 'API_KEY' : 'PERSON';
  return {
    actorKind,
    actorPersonId: identity.personId,
    actorApiKeyId: identity.apiKeyId,
    actorOrganizationIds: [...new Set(identity.memberships.map((m) => m.organizationId))],
  };
}

interface Pending {
  subjectPersonId: string;
  action: AuditAction;
  outcome: AuditOutcome;
  fields: Set<string>;
}

/**
 * What one request did with personal data, gathered while it resolves (one record per person,
 * action and outcome, with the fields) and written in one INSERT when its response is sent.
 */
export class AuditTrail {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly identity: Identity,
    private readonly requestId: string,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  record(people: readonly string[], action: AuditAction, outcome: AuditOutcome, field: string): void {
    for (const subjectPersonId of people) {
      const key = `${subjectPersonId}|${action}|${outcome}`;
      const entry = this.pending.get(key) ?? { subjectPersonId, action, outcome, fields: new Set<string>() };
      entry.fields.add(field);
      this.pending.set(key, entry);
    }
  }

  /**
   * Writes what was recorded and forgets it: one statement whatever the number of people, whose
   * text does not depend on it (MikroORM's `insertMany` splits at 300 rows, which made a
   * dashboard's statements grow with its list). What varies per row travels as four parallel
   * arrays, what the request shares (time, request, actor) once: a hub admin's dashboard records
   * hundreds of people, and PostgreSQL spent a third less CPU on this than on the same rows as
   * one JSON document (bench/README.md).
   */
  async flush(em: EntityManager, at = new Date()): Promise<number> {
    if (this.pending.size === 0) return 0;
    const actor = actorOf(this.identity);
    const entries = [...this.pending.values()];
    this.pending.clear();
    // a field name is a GraphQL type and field (`Person.email`): never a comma
    const fields = entries.map((entry) => [...entry.fields].sort().join(','));
    await query(
      em,
      `insert into ${tableOf(em, AuditEntry)} (id, at, request_id, actor_kind, actor_person_id, actor_api_key_id, actor_organization_ids, subject_person_id, action, outcome, fields)
       select r.id, ?::timestamptz, ?, ?, ?::uuid, ?::uuid, ?::uuid[], r.subject, r.action, r.outcome, string_to_array(r.fields, ',')
       from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[]) as r(id, subject, action, outcome, fields)`,
      [
        at.toISOString(),
        this.requestId,
        actor.actorKind,
        actor.actorPersonId ?? null,
        actor.actorApiKeyId ?? null,
        pgArray(actor.actorOrganizationIds),
        pgArray(entries.map(() => newTimeOrderedId())),
        pgArray(entries.map((entry) => entry.subjectPersonId)),
        pgArray(entries.map((entry) => entry.action)),
        pgArray(entries.map((entry) => entry.outcome)),
        pgArray(fields),
      ],
      { prepare: true },
    );
    return entries.length;
  }
}
