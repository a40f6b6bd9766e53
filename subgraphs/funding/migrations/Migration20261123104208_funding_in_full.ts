import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104208_funding_in_full extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "funding"."funding_programme_lot" ("id" uuid not null, "programme_id" uuid not null, "position" int not null, "name" text not null, "name_zh" text null, "cause_areas" text[] not null default '{}', "description" text null, constraint "funding_programme_lot_pkey" primary key ("id"));`);
    this.addSql(`create index "funding_programme_lot_programme_id_position_id_index" on "funding"."funding_programme_lot" ("programme_id", "position", "id");`);
    this.addSql(`alter table "funding"."funding_programme_lot" add constraint "funding_programme_lot_programme_id_name_unique" unique ("programme_id", "name");`);
    this.addSql(`alter table "funding"."funding_programme_lot" add constraint "funding_programme_lot_programme_id_position_unique" unique ("programme_id", "position");`);

    this.addSql(`create table "funding"."funding_application" ("id" uuid not null, "programme_id" uuid not null, "applicant_organization_id" uuid not null, "title" text not null, "description" text null, "requested_amount" numeric not null, "requested_currency" char(3) not null, "status" text check ("status" in ('SUBMITTED', 'UNDER_REVIEW', 'AWARDED', 'DECLINED', 'WITHDRAWN')) not null default 'SUBMITTED', "grant_id" uuid null, "decision_note" text null, "submitted_at" timestamptz not null default now(), "decided_at" timestamptz null, constraint "funding_application_pkey" primary key ("id"), constraint funding_application_grant_when_awarded_check check ((status = 'AWARDED') = (grant_id is not null)), constraint funding_application_requested_positive_check check (requested_amount > 0));`);
    this.addSql(`alter table "funding"."funding_application" add constraint "funding_application_grant_id_unique" unique ("grant_id");`);
    this.addSql(`create index "funding_application_applicant_organization_id_subm_19ad2_index" on "funding"."funding_application" ("applicant_organization_id", "submitted_at", "id");`);
    this.addSql(`create index "funding_application_programme_id_submitted_at_id_index" on "funding"."funding_application" ("programme_id", "submitted_at", "id");`);

    this.addSql(`create table "funding"."disbursement" ("id" uuid not null, "grant_id" uuid not null, "amount" numeric not null, "currency" char(3) not null, "date" date not null, "note" text null, "created_at" timestamptz not null default now(), constraint "disbursement_pkey" primary key ("id"), constraint disbursement_amount_positive_check check (amount > 0));`);
    this.addSql(`create index "disbursement_grant_id_date_id_index" on "funding"."disbursement" ("grant_id", "date", "id");`);

    this.addSql(`create table "funding"."organization_identifier" ("org_id" text not null, "organization_id" uuid not null, "name" text not null, "created_at" timestamptz not null default now(), constraint "organization_identifier_pkey" primary key ("org_id"));`);
    this.addSql(`create index "organization_identifier_organization_id_index" on "funding"."organization_identifier" ("organization_id");`);

    this.addSql(`alter table "funding"."funding_programme_lot" add constraint "funding_programme_lot_programme_id_foreign" foreign key ("programme_id") references "funding"."funding_programme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "funding"."funding_application" add constraint "funding_application_programme_id_foreign" foreign key ("programme_id") references "funding"."funding_programme" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "funding"."funding_application" add constraint "funding_application_grant_id_foreign" foreign key ("grant_id") references "funding"."grant" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "funding"."disbursement" add constraint "disbursement_grant_id_foreign" foreign key ("grant_id") references "funding"."grant" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "funding"."funding_programme" add column "cause_areas" text[] not null default '{}', add column "planned_projects" int null, add column "code" text null;`);
    this.addSql(`alter table "funding"."funding_programme" add constraint "funding_programme_funder_organization_id_code_unique" unique ("funder_organization_id", "code");`);
    this.addSql(`alter table "funding"."funding_programme" add constraint funding_programme_planned_projects_check check(planned_projects is null or planned_projects > 0);`);

    this.addSql(`alter table "funding"."grant" add column "lot_id" uuid null;`);
    this.addSql(`alter table "funding"."grant" add constraint "grant_lot_id_foreign" foreign key ("lot_id") references "funding"."funding_programme_lot" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "funding"."grant" add constraint grant_lot_needs_programme_check check(lot_id is null or programme_id is not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "funding"."grant" drop constraint "grant_lot_id_foreign";`);

    this.addSql(`drop table if exists "funding"."funding_programme_lot" cascade;`);

    this.addSql(`drop table if exists "funding"."funding_application" cascade;`);

    this.addSql(`drop table if exists "funding"."disbursement" cascade;`);

    this.addSql(`drop table if exists "funding"."organization_identifier" cascade;`);

    this.addSql(`alter table "funding"."funding_programme" drop constraint "funding_programme_funder_organization_id_code_unique";`);
    this.addSql(`alter table "funding"."funding_programme" drop constraint funding_programme_planned_projects_check;`);
    this.addSql(`alter table "funding"."funding_programme" drop column "cause_areas", drop column "planned_projects", drop column "code";`);

    this.addSql(`alter table "funding"."grant" drop constraint grant_lot_needs_programme_check;`);
    this.addSql(`alter table "funding"."grant" drop column "lot_id";`);
  }

}
