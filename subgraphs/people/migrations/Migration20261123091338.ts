import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "people";`);
    this.addSql(`create table "people"."person" ("id" uuid not null, "name" text not null, "name_zh" text null, "roles" text[] not null default '{}', "city" text null, "province" text null, "skills" text[] not null default '{}', "qualification" text check ("qualification" in ('ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER')) null, "bio" text null, "bio_zh" text null, "email" text null, "phone" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "person_pkey" primary key ("id"));`);
    this.addSql(`create index "person_city_index" on "people"."person" ("city");`);
    this.addSql(`create index "person_name_id_index" on "people"."person" ("name", "id");`);

    this.addSql(`create table "people"."affiliation" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "role" text check ("role" in ('FOUNDER', 'STAFF', 'DIRECTOR', 'BOARD_MEMBER', 'ADVISOR', 'VOLUNTEER', 'STUDENT', 'FACULTY')) not null, "title" text null, "started_on" date null, "ended_on" date null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "affiliation_pkey" primary key ("id"), constraint affiliation_ended_after_started check (ended_on >= started_on));`);
    this.addSql(`create index "affiliation_person_id_started_on_id_index" on "people"."affiliation" ("person_id", "started_on", "id");`);
    this.addSql(`create index "affiliation_organization_id_started_on_id_index" on "people"."affiliation" ("organization_id", "started_on", "id");`);

    this.addSql(`alter table "people"."affiliation" add constraint "affiliation_person_id_foreign" foreign key ("person_id") references "people"."person" ("id") on update cascade on delete cascade;`);
  }

}
