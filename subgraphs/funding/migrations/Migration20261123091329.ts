import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091329 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "funding";`);
    this.addSql(`create table "funding"."funding_programme" ("id" uuid not null, "name" text not null, "name_zh" text null, "kind" text check ("kind" in ('GRANT', 'GOVERNMENT_PURCHASE_OF_SERVICES', 'VENTURE_PHILANTHROPY', 'AWARD', 'DONATION')) not null, "year" int not null, "funder_organization_id" uuid not null, "budget_amount" numeric null, "budget_currency" char(3) null, "description" text null, "created_at" timestamptz not null default now(), constraint "funding_programme_pkey" primary key ("id"), constraint funding_programme_budget_check check ((budget_amount is null) = (budget_currency is null) and (budget_amount is null or budget_amount > 0)));`);
    this.addSql(`create index "funding_programme_year_id_index" on "funding"."funding_programme" ("year", "id");`);
    this.addSql(`create index "funding_programme_funder_organization_id_index" on "funding"."funding_programme" ("funder_organization_id");`);

    this.addSql(`create table "funding"."grant" ("id" uuid not null, "identifier" text not null, "title" text not null, "description" text null, "amount" numeric not null, "currency" char(3) not null, "award_date" date not null, "planned_start_date" date null, "planned_end_date" date null, "recipient_organization_id" uuid not null, "funding_organization_id" uuid not null, "programme_id" uuid null, "beneficiary_location" text null, "cause_areas" text[] not null default '{}', "status" text check ("status" in ('PROPOSED', 'AWARDED', 'ACTIVE', 'COMPLETED', 'CANCELLED')) not null default 'AWARDED', "created_at" timestamptz not null default now(), constraint "grant_pkey" primary key ("id"), constraint grant_planned_dates_check check (planned_end_date is null or planned_start_date is null or planned_end_date >= planned_start_date), constraint grant_amount_positive_check check (amount > 0));`);
    this.addSql(`alter table "funding"."grant" add constraint "grant_identifier_unique" unique ("identifier");`);
    this.addSql(`create index "grant_award_date_id_index" on "funding"."grant" ("award_date", "id");`);
    this.addSql(`create index "grant_programme_id_award_date_id_index" on "funding"."grant" ("programme_id", "award_date", "id");`);
    this.addSql(`create index "grant_funding_organization_id_award_date_id_index" on "funding"."grant" ("funding_organization_id", "award_date", "id");`);
    this.addSql(`create index "grant_recipient_organization_id_award_date_id_index" on "funding"."grant" ("recipient_organization_id", "award_date", "id");`);

    this.addSql(`alter table "funding"."grant" add constraint "grant_programme_id_foreign" foreign key ("programme_id") references "funding"."funding_programme" ("id") on update cascade on delete restrict;`);
  }

}
