import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122553_members_and_api_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organizations"."api_key" ("id" uuid not null, "organization_id" uuid not null, "name" text not null, "prefix" text not null, "hash" text not null, "role" text check ("role" in ('EDITOR', 'ADMIN')) not null, "created_by" text not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "organizations"."api_key" add constraint "api_key_hash_unique" unique ("hash");`);
    this.addSql(`create index "api_key_organization_id_created_at_index" on "organizations"."api_key" ("organization_id", "created_at");`);

    this.addSql(`create table "organizations"."organization_member" ("id" uuid not null, "organization_id" uuid not null, "person_id" uuid not null, "role" text check ("role" in ('EDITOR', 'ADMIN')) not null, "created_at" timestamptz not null default now(), constraint "organization_member_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_member_person_id_index" on "organizations"."organization_member" ("person_id");`);
    this.addSql(`alter table "organizations"."organization_member" add constraint "organization_member_organization_id_person_id_unique" unique ("organization_id", "person_id");`);

    this.addSql(`alter table "organizations"."api_key" add constraint "api_key_organization_id_foreign" foreign key ("organization_id") references "organizations"."organization" ("id") on update cascade;`);

    this.addSql(`alter table "organizations"."organization_member" add constraint "organization_member_organization_id_foreign" foreign key ("organization_id") references "organizations"."organization" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "organizations"."api_key" cascade;`);

    this.addSql(`drop table if exists "organizations"."organization_member" cascade;`);
  }

}
