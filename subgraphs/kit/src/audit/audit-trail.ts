import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthRule } from '../auth/auth-rule';
import type { AuthSubject } from '../auth/authorize';
import type { Identity } from '../auth/identity';
import { isUuid, newId } from '../ids';
import { tableOf } from '../sql';
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
   * Writes what was recorded and forgets it: one statement whatever the number of people (the rows
   * travel as one JSON parameter; MikroORM's `insertMany` splits at 300 rows, which made a
   * dashboard's statements grow with its list).
   */
  async flush(em: EntityManager, at = new Date()): Promise<number> {
    if (this.pending.size === 0) return 0;
    const actor = actorOf(this.identity);
    const rows = [...this.pending.values()].map((entry) => ({
      id: newId(),
      at: at.toISOString(),
      request_id: this.requestId,
      actor_kind: actor.actorKind,
      actor_person_id: actor.actorPersonId,
      actor_api_key_id: actor.actorApiKeyId,
      actor_organization_ids: actor.actorOrganizationIds,
      subject_person_id: entry.subjectPersonId,
      action: entry.action,
      outcome: entry.outcome,
      fields: [...entry.fields].sort(),
    }));
    this.pending.clear();
    const table = tableOf(em, AuditEntry);
    const columns = Object.keys(rows[0]).join(', ');
    // through knex, so the rows go as a bind parameter ($1), not escaped into the SQL text
    await em.getKnex().raw(
      `insert into ${table} (${columns}) select ${columns} from jsonb_to_recordset(?::jsonb) as r(id uuid, at timestamptz, request_id text, actor_kind text,
         actor_person_id uuid, actor_api_key_id uuid, actor_organization_ids uuid[], subject_person_id uuid, action text, outcome text, fields text[])`,
      [JSON.stringify(rows)],
    );
    return rows.length;
  }
}
