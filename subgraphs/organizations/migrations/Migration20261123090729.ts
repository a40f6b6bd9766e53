import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090729 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "organizations";`);
    this.addSql(`create table "organizations"."organization" ("id" uuid not null, "name" text not null, "name_zh" text null, "kind" text check ("kind" in ('NGO', 'SOCIAL_ENTERPRISE', 'FOUNDATION', 'INCUBATOR', 'GOVERNMENT_AGENCY', 'MASS_ORGANIZATION', 'UNIVERSITY', 'COMPANY', 'NETWORK')) not null, "cause_areas" text[] not null default '{}', "city" text null, "province" text null, "country" text not null default 'CN', "founded_on" date null, "stage" text check ("stage" in ('IDEA', 'STARTUP', 'GROWTH', 'MATURE')) null, "website" text null, "description" text null, "description_zh" text null, "registration_status" text check ("registration_status" in ('UNREGISTERED', 'FILED_ON_RECORD', 'REGISTERED')) not null default 'UNREGISTERED', "registration_legal_form" text check ("registration_legal_form" in ('SOCIAL_GROUP', 'SOCIAL_SERVICE_ORGANIZATION', 'FOUNDATION', 'COMPANY', 'PUBLIC_INSTITUTION', 'GOVERNMENT_BODY', 'FOREIGN_NGO_OFFICE', 'OTHER')) null, "registration_path" text check ("registration_path" in ('DIRECT', 'SUPERVISING_UNIT')) null, "registration_authority" text null, "registration_authority_zh" text null, "registration_supervising_unit" text null, "registration_registered_on" date null, "registration_credit_code" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "organizations"."organization" add constraint "organization_registration_credit_code_unique" unique ("registration_credit_code");`);
    this.addSql(`create index "organization_kind_index" on "organizations"."organization" ("kind");`);
    this.addSql(`create index "organization_city_index" on "organizations"."organization" ("city");`);
    this.addSql(`create index "organization_name_id_index" on "organizations"."organization" ("name", "id");`);
  }

}
