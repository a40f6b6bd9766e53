/**
 * The audit table of one subgraph's schema, exactly as `AuditEntry` maps it (so a later
 * `migration:create` finds nothing to change). Ascending indexes serve the newest-first reads:
 * PostgreSQL scans a btree backwards.
 */
export function auditMigrationSql(schema: string): string[] {
  const table = `"${schema}"."audit_entry"`;
  return [
    `create table ${table} ("id" uuid not null, "at" timestamptz(3) not null, "request_id" text not null, "actor_kind" text not null, "actor_person_id" uuid null, "actor_api_key_id" uuid null, "actor_organization_ids" uuid[] not null, "subject_person_id" uuid not null, "action" text not null, "outcome" text not null, "fields" text[] not null, constraint "audit_entry_pkey" primary key ("id"));`,
    `create index "audit_entry_subject_person_id_at_id_index" on ${table} ("subject_person_id", "at", "id");`,
    `create index "audit_entry_at_id_index" on ${table} ("at", "id");`,
    `create index "audit_entry_actor_person_id_at_index" on ${table} ("actor_person_id", "at");`,
  ];
}

export function dropAuditSql(schema: string): string[] {
  return [`drop table if exists "${schema}"."audit_entry";`];
}
