import { DateTimeScalar, PageInfo, type AuditAction, type AuditActorKind, type AuditOutcome, type HubAuditEntry } from '@ngo-hub/kit';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationRef } from '../entities/organization-ref';
import { Person } from '../entities/person';

export enum AuditActionKind {
  READ = 'READ',
  WRITE = 'WRITE',
}
registerEnumType(AuditActionKind, { name: 'AuditAction', description: 'Whether personal data was read or changed.' });

export enum AuditOutcomeKind {
  ALLOWED = 'ALLOWED',
  DENIED = 'DENIED',
  FAILED = 'FAILED',
}
registerEnumType(AuditOutcomeKind, {
  name: 'AuditOutcome',
  description: 'What came of an access.',
  valuesConfig: {
    ALLOWED: { description: 'The data was read or changed.' },
    DENIED: { description: "The caller asked and was refused by the field's @auth rule." },
    FAILED: { description: 'The caller was allowed, but the field answered with an error (e.g. a refused change).' },
  },
});

export enum AuditActorKindValue {
  PERSON = 'PERSON',
  API_KEY = 'API_KEY',
  HUB_ADMIN = 'HUB_ADMIN',
}
registerEnumType(AuditActorKindValue, {
  name: 'AuditActorKind',
  description: 'How the actor signed in.',
  valuesConfig: {
    PERSON: { description: 'A person, with a JWT.' },
    API_KEY: { description: "A partner organization's API key." },
    HUB_ADMIN: { description: 'A hub admin.' },
  },
});

@ObjectType({ description: 'Who read or changed personal data.' })
export class AuditActor {
  @Field(() => AuditActorKindValue)
  kind: AuditActorKind;

  /** The signed-in person who acted: resolved from `personId` (AuditActorResolver). */

  @Field(() => ID, { nullable: true, description: "The API key used, when it was one (keys are listed, and revoked, by their organization's admins)." })
  apiKeyId?: string | null;

  @Field(() => [OrganizationRef], { description: 'The organizations the actor acted for: their memberships when they acted.' })
  organizations: OrganizationRef[];

  /** Kept for the `person` resolver. */
  personId: string | null;
}

@ObjectType({ description: "One request's access to one person's data in one part of the hub." })
export class AuditLogEntry {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar, { description: 'When the response went out.' })
  at: Date;

  @Field({ description: 'The part of the hub that holds the data: organizations, people, funding or training.' })
  subgraph: string;

  @Field(() => AuditActionKind)
  action: AuditAction;

  @Field(() => AuditOutcomeKind)
  outcome: AuditOutcome;

  @Field(() => [String], { description: 'The fields read or written, as `Type.field` (e.g. `Person.email`, `Mutation.updatePerson`).' })
  fields: string[];

  @Field(() => Person, { nullable: true, description: 'The person whose data it was.' })
  subject?: Person | null;

  @Field(() => AuditActor)
  actor: AuditActor;

  @Field({ description: "The request's id (`x-request-id`): the gateway's and subgraphs' logs carry it too." })
  requestId: string;

  /** Kept for the `subject` resolver. */
  subjectPersonId: string;
}

@ObjectType({ description: 'One entry of the audit log, with its cursor.' })
export class AuditLogEdge {
  @Field({ description: 'Opaque cursor of this entry; pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => AuditLogEntry)
  node: AuditLogEntry;
}

@ObjectType({ description: 'A page of the audit log, newest first. It has no totalCount: the log is spread over the four subgraphs and only ever grows.' })
export class AuditLogConnection {
  @Field(() => [AuditLogEdge])
  edges: AuditLogEdge[];

  @Field(() => [AuditLogEntry])
  nodes: AuditLogEntry[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType({ description: 'Which accesses to list; every field narrows the list.' })
export class AuditLogFilter {
  @Field(() => ID, {
    nullable: true,
    description: "The person whose data was accessed. Defaults to the signed-in person; only hub admins may name another, or leave it out to see everyone's.",
  })
  subject?: string;

  @Field(() => ID, { nullable: true, description: 'The person who acted.' })
  actor?: string;

  @Field(() => AuditActionKind, { nullable: true })
  action?: AuditAction;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Accesses at or after this time.' })
  since?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Accesses before this time.' })
  until?: Date;
}

/** The GraphQL shape of an entry from any subgraph. */
export function toAuditLogEntry(entry: HubAuditEntry): AuditLogEntry {
  return Object.assign(new AuditLogEntry(), {
    id: entry.id,
    at: entry.at,
    subgraph: entry.subgraph,
    action: entry.action,
    outcome: entry.outcome,
    fields: entry.fields,
    requestId: entry.requestId,
    subjectPersonId: entry.subjectPersonId,
    actor: Object.assign(new AuditActor(), {
      kind: entry.actorKind,
      personId: entry.actorPersonId ?? null,
      apiKeyId: entry.actorApiKeyId ?? null,
      organizations: entry.actorOrganizationIds.map((id) => Object.assign(new OrganizationRef(), { id })),
    }),
  });
}
