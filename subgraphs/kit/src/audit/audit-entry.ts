import { ArrayType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newTimeOrderedId } from '../ids';

/** Whether personal data was read or changed. */
export type AuditAction = 'READ' | 'WRITE';

/** ALLOWED: the field was resolved; DENIED: its @auth rule refused the caller; FAILED: allowed, but it answered with an error. */
export type AuditOutcome = 'ALLOWED' | 'DENIED' | 'FAILED';

/** Who acted: a person signed in with a JWT, a partner's API key, or a hub admin. */
export type AuditActorKind = 'PERSON' | 'API_KEY' | 'HUB_ADMIN';

/**
 * One request's access to one person's data in one subgraph: who, when, which fields, and with
 * what outcome. Written by `@Auth` on the fields whose rule is about a person (see `AuditTrail`),
 * one INSERT per request. Every subgraph has this table in its own schema (its audit_log migration).
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['subjectPersonId', 'at', 'id'] })
@Index({ properties: ['at', 'id'] })
@Index({ properties: ['actorPersonId', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = newTimeOrderedId();

  /** When the request's response was sent (millisecond precision: it is the audit log's cursor). */
  @Property({ columnType: 'timestamptz(3)' })
  at!: Date;

  /** The request id the gateway logs the request under (`x-request-id`). */
  @Property({ columnType: 'text' })
  requestId!: string;

  @Property({ columnType: 'text' })
  actorKind!: AuditActorKind;

  /** The signed-in person who acted (for a hub admin or an API key's user, when known). */
  @Property({ type: 'uuid', nullable: true })
  actorPersonId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorApiKeyId?: string | null;

  /** The organizations the actor acted for (their memberships). */
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  actorOrganizationIds: string[] = [];

  /** The person whose data it was. */
  @Property({ type: 'uuid' })
  subjectPersonId!: string;

  @Property({ columnType: 'text' })
  action!: AuditAction;

  @Property({ columnType: 'text' })
  outcome!: AuditOutcome;

  /** The fields read or written, as `Type.field` (e.g. `Person.email`, `Mutation.updatePerson`). */
  @Property({ type: ArrayType, columnType: 'text[]' })
  fields: string[] = [];
}
