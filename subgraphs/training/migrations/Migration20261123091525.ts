import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091525 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "training";`);
    this.addSql(`create table "training"."course" ("id" uuid not null, "title" text not null, "title_zh" text null, "kind" text check ("kind" in ('TRAINING_CAMP', 'WORKSHOP', 'COURSE', 'SYMPOSIUM', 'SUPERVISION_PROGRAMME', 'DISTANCE_LEARNING', 'MENTORING_PROGRAMME', 'INTERNSHIP_PROGRAMME')) not null, "description" text null, "description_zh" text null, "audiences" text[] not null default '{}', "city" text null, "online" boolean not null default false, "starts_on" date not null, "ends_on" date not null, "language" text not null default 'zh', "capacity" int null, "fee_amount" numeric null, "fee_currency" text null, "cause_areas" text[] not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "course_pkey" primary key ("id"), constraint course_fee_check check ((fee_amount is null) = (fee_currency is null) and (fee_amount is null or fee_amount > 0)), constraint course_capacity_check check (capacity is null or capacity >= 1), constraint course_dates_check check (ends_on >= starts_on));`);
    this.addSql(`create index "course_starts_on_id_index" on "training"."course" ("starts_on", "id");`);

    this.addSql(`create table "training"."course_offering" ("id" uuid not null, "course_id" uuid not null, "organization_id" uuid not null, "position" smallint not null, "created_at" timestamptz(3) not null default now(), constraint "course_offering_pkey" primary key ("id"));`);
    this.addSql(`create index "course_offering_organization_id_created_at_id_index" on "training"."course_offering" ("organization_id", "created_at", "id");`);
    this.addSql(`alter table "training"."course_offering" add constraint "course_offering_course_id_organization_id_unique" unique ("course_id", "organization_id");`);

    this.addSql(`create table "training"."enrollment" ("id" uuid not null, "course_id" uuid not null, "person_id" uuid not null, "status" text check ("status" in ('APPLIED', 'ENROLLED', 'WAITLISTED', 'COMPLETED', 'DROPPED')) not null, "applied_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "enrollment_pkey" primary key ("id"));`);
    this.addSql(`create index "enrollment_person_id_index" on "training"."enrollment" ("person_id");`);
    this.addSql(`create index "enrollment_course_id_status_index" on "training"."enrollment" ("course_id", "status");`);
    this.addSql(`alter table "training"."enrollment" add constraint "enrollment_course_id_person_id_unique" unique ("course_id", "person_id");`);

    this.addSql(`alter table "training"."course_offering" add constraint "course_offering_course_id_foreign" foreign key ("course_id") references "training"."course" ("id") on update cascade;`);

    this.addSql(`alter table "training"."enrollment" add constraint "enrollment_course_id_foreign" foreign key ("course_id") references "training"."course" ("id") on update cascade;`);
  }

}
