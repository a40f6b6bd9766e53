import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104003_incubation_relations_registration_history extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organizations"."incubation_programme" ("id" uuid not null, "incubator_id" uuid not null, "name" text not null, "name_zh" text null, "city" text null, "description" text null, "description_zh" text null, "created_at" timestamptz not null default now(), constraint "incubation_programme_pkey" primary key ("id"));`);
    this.addSql(`create index "incubation_programme_name_id_index" on "organizations"."incubation_programme" ("name", "id");`);
    this.addSql(`alter table "organizations"."incubation_programme" add constraint "incubation_programme_incubator_id_name_unique" unique ("incubator_id", "name");`);

    this.addSql(`create table "organizations"."incubation_cohort" ("id" uuid not null, "programme_id" uuid not null, "name" text not null, "year" int not null, "starts_on" date not null, "ends_on" date null, "created_at" timestamptz not null default now(), constraint "incubation_cohort_pkey" primary key ("id"), constraint incubation_cohort_dates_check check (ends_on >= starts_on));`);
    this.addSql(`create index "incubation_cohort_programme_id_starts_on_id_index" on "organizations"."incubation_cohort" ("programme_id", "starts_on", "id");`);
    this.addSql(`alter table "organizations"."incubation_cohort" add constraint "incubation_cohort_programme_id_name_unique" unique ("programme_id", "name");`);

    this.addSql(`create table "organizations"."incubation_membership" ("id" uuid not null, "cohort_id" uuid not null, "organization_id" uuid not null, "status" text check ("status" in ('APPLIED', 'ACTIVE', 'GRADUATED', 'LEFT')) not null, "applied_on" date not null, "started_on" date null, "ended_on" date null, "supports" text[] not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "incubation_membership_pkey" primary key ("id"), constraint incubation_membership_dates_check check (ended_on >= started_on));`);
    this.addSql(`create index "incubation_membership_organization_id_applied_on_id_index" on "organizations"."incubation_membership" ("organization_id", "applied_on", "id");`);
    this.addSql(`create index "incubation_membership_cohort_id_applied_on_id_index" on "organizations"."incubation_membership" ("cohort_id", "applied_on", "id");`);
    this.addSql(`alter table "organizations"."incubation_membership" add constraint "incubation_membership_cohort_id_organization_id_unique" unique ("cohort_id", "organization_id");`);

    this.addSql(`create table "organizations"."organization_relation" ("id" uuid not null, "kind" text check ("kind" in ('PARTNER', 'MEMBER_OF', 'SUPERVISED_BY', 'REPLICATED_MODEL_OF', 'CO_ORGANIZER')) not null, "from_organization_id" uuid not null, "to_organization_id" uuid not null, "started_on" date null, "ended_on" date null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "organization_relation_pkey" primary key ("id"), constraint organization_relation_dates_check check (ended_on >= started_on), constraint organization_relation_not_self_check check (from_organization_id <> to_organization_id));`);
    this.addSql(`create unique index "organization_relation_active_symmetric_unique" on "organizations"."organization_relation" ("kind", least("from_organization_id", "to_organization_id"), greatest("from_organization_id", "to_organization_id")) where "ended_on" is null and "kind" in ('PARTNER', 'CO_ORGANIZER');`);
    this.addSql(`create unique index "organization_relation_active_unique" on "organizations"."organization_relation" ("kind", "from_organization_id", "to_organization_id") where "ended_on" is null;`);
    this.addSql(`create index "organization_relation_to_organization_id_started_on_id_index" on "organizations"."organization_relation" ("to_organization_id", "started_on", "id");`);
    this.addSql(`create index "organization_relation_from_organization_id_started_on_id_index" on "organizations"."organization_relation" ("from_organization_id", "started_on", "id");`);

    this.addSql(`create table "organizations"."registration_change" ("id" uuid not null, "organization_id" uuid not null, "previous_status" text check ("previous_status" in ('UNREGISTERED', 'FILED_ON_RECORD', 'REGISTERED')) null, "status" text check ("status" in ('UNREGISTERED', 'FILED_ON_RECORD', 'REGISTERED')) not null, "legal_form" text check ("legal_form" in ('SOCIAL_GROUP', 'SOCIAL_SERVICE_ORGANIZATION', 'FOUNDATION', 'COMPANY', 'PUBLIC_INSTITUTION', 'GOVERNMENT_BODY', 'FOREIGN_NGO_OFFICE', 'OTHER')) null, "path" text check ("path" in ('DIRECT', 'SUPERVISING_UNIT')) null, "authority" text null, "authority_zh" text null, "supervising_unit" text null, "registered_on" date null, "credit_code" text null, "reason" text null, "recorded_at" timestamptz(3) not null, constraint "registration_change_pkey" primary key ("id"));`);
    this.addSql(`create index "registration_change_organization_id_recorded_at_id_index" on "organizations"."registration_change" ("organization_id", "recorded_at", "id");`);

    this.addSql(`alter table "organizations"."incubation_programme" add constraint "incubation_programme_incubator_id_foreign" foreign key ("incubator_id") references "organizations"."organization" ("id") on update cascade;`);

    this.addSql(`alter table "organizations"."incubation_cohort" add constraint "incubation_cohort_programme_id_foreign" foreign key ("programme_id") references "organizations"."incubation_programme" ("id") on update cascade;`);

    this.addSql(`alter table "organizations"."incubation_membership" add constraint "incubation_membership_cohort_id_foreign" foreign key ("cohort_id") references "organizations"."incubation_cohort" ("id") on update cascade;`);
    this.addSql(`alter table "organizations"."incubation_membership" add constraint "incubation_membership_organization_id_foreign" foreign key ("organization_id") references "organizations"."organization" ("id") on update cascade;`);

    this.addSql(`alter table "organizations"."organization_relation" add constraint "organization_relation_from_organization_id_foreign" foreign key ("from_organization_id") references "organizations"."organization" ("id") on update cascade;`);
    this.addSql(`alter table "organizations"."organization_relation" add constraint "organization_relation_to_organization_id_foreign" foreign key ("to_organization_id") references "organizations"."organization" ("id") on update cascade;`);

    this.addSql(`alter table "organizations"."registration_change" add constraint "registration_change_organization_id_foreign" foreign key ("organization_id") references "organizations"."organization" ("id") on update cascade;`);

    // Organizations that exist before history is kept start it with their current registration.
    this.addSql(`insert into "organizations"."registration_change" ("id", "organization_id", "status", "legal_form", "path", "authority", "authority_zh", "supervising_unit", "registered_on", "credit_code", "reason", "recorded_at") select gen_random_uuid(), "id", "registration_status", "registration_legal_form", "registration_path", "registration_authority", "registration_authority_zh", "registration_supervising_unit", "registration_registered_on", "registration_credit_code", 'registration as found when the hub began keeping registration history', "updated_at" from "organizations"."organization";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organizations"."incubation_cohort" drop constraint "incubation_cohort_programme_id_foreign";`);

    this.addSql(`alter table "organizations"."incubation_membership" drop constraint "incubation_membership_cohort_id_foreign";`);

    this.addSql(`drop table if exists "organizations"."incubation_programme" cascade;`);

    this.addSql(`drop table if exists "organizations"."incubation_cohort" cascade;`);

    this.addSql(`drop table if exists "organizations"."incubation_membership" cascade;`);

    this.addSql(`drop table if exists "organizations"."organization_relation" cascade;`);

    this.addSql(`drop table if exists "organizations"."registration_change" cascade;`);
  }

}
