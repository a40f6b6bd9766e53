import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104715_course_details_sessions_mentorships_curriculum_certificates extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "training"."course_module" ("id" uuid not null, "course_id" uuid not null, "position" smallint not null, "title" text not null, "title_zh" text null, "summary" text null, "created_at" timestamptz(3) not null default now(), constraint "course_module_pkey" primary key ("id"));`);
    this.addSql(`alter table "training"."course_module" add constraint "course_module_course_id_position_unique" unique ("course_id", "position");`);

    this.addSql(`create table "training"."certificate" ("id" uuid not null, "code" text not null, "enrollment_id" uuid not null, "course_id" uuid not null, "person_id" uuid not null, "holder_name" text not null, "holder_name_zh" text null, "completed_on" date not null, "issued_at" timestamptz(3) not null, "issuer_organization_ids" uuid[] not null, constraint "certificate_pkey" primary key ("id"));`);
    this.addSql(`alter table "training"."certificate" add constraint "certificate_code_unique" unique ("code");`);
    this.addSql(`alter table "training"."certificate" add constraint "certificate_enrollment_id_unique" unique ("enrollment_id");`);
    this.addSql(`create index "certificate_person_id_issued_at_id_index" on "training"."certificate" ("person_id", "issued_at", "id");`);

    this.addSql(`create table "training"."lesson" ("id" uuid not null, "module_id" uuid not null, "position" smallint not null, "title" text not null, "title_zh" text null, "content_url" text null, "duration_minutes" smallint null, "created_at" timestamptz(3) not null default now(), constraint "lesson_pkey" primary key ("id"), constraint lesson_duration_check check (duration_minutes is null or duration_minutes > 0));`);
    this.addSql(`alter table "training"."lesson" add constraint "lesson_module_id_position_unique" unique ("module_id", "position");`);

    this.addSql(`create table "training"."lesson_completion" ("id" uuid not null, "enrollment_id" uuid not null, "lesson_id" uuid not null, "completed_at" timestamptz(3) not null default now(), constraint "lesson_completion_pkey" primary key ("id"));`);
    this.addSql(`alter table "training"."lesson_completion" add constraint "lesson_completion_enrollment_id_lesson_id_unique" unique ("enrollment_id", "lesson_id");`);

    this.addSql(`create table "training"."mentorship" ("id" uuid not null, "mentor_id" uuid not null, "mentee_id" uuid not null, "kind" text check ("kind" in ('MENTORING', 'SUPERVISION')) not null, "course_id" uuid null, "status" text check ("status" in ('PROPOSED', 'ACTIVE', 'COMPLETED', 'ENDED')) not null, "focus" text null, "started_on" date null, "ended_on" date null, "created_at" timestamptz(3) not null default now(), constraint "mentorship_pkey" primary key ("id"), constraint mentorship_dates_check check (ended_on is null or started_on is null or ended_on >= started_on), constraint mentorship_two_people_check check (mentor_id <> mentee_id));`);
    this.addSql(`create index "mentorship_course_id_created_at_id_index" on "training"."mentorship" ("course_id", "created_at", "id");`);
    this.addSql(`create index "mentorship_mentee_id_created_at_id_index" on "training"."mentorship" ("mentee_id", "created_at", "id");`);
    this.addSql(`create index "mentorship_mentor_id_created_at_id_index" on "training"."mentorship" ("mentor_id", "created_at", "id");`);
    this.addSql(`create unique index "mentorship_open_pair_unique" on "training"."mentorship" ("mentor_id", "mentee_id", "kind") where "status" in ('PROPOSED', 'ACTIVE');`);

    this.addSql(`create table "training"."session" ("id" uuid not null, "course_id" uuid not null, "held_on" date not null, "start_time" text null, "end_time" text null, "topic" text not null, "topic_zh" text null, "place" text null, "online_url" text null, "instructor_id" uuid null, "status" text check ("status" in ('SCHEDULED', 'CANCELLED')) not null default 'SCHEDULED', "cancellation_reason" text null, "order_key" text not null, "created_at" timestamptz(3) not null default now(), constraint "session_pkey" primary key ("id"), constraint session_end_time_check check (end_time is null or (start_time is not null and end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]\$' and end_time > start_time)), constraint session_start_time_check check (start_time is null or start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]\$'));`);
    this.addSql(`create index "session_instructor_id_order_key_id_index" on "training"."session" ("instructor_id", "order_key", "id");`);
    this.addSql(`create index "session_course_id_order_key_id_index" on "training"."session" ("course_id", "order_key", "id");`);

    this.addSql(`alter table "training"."course_module" add constraint "course_module_course_id_foreign" foreign key ("course_id") references "training"."course" ("id") on update cascade;`);

    this.addSql(`alter table "training"."certificate" add constraint "certificate_enrollment_id_foreign" foreign key ("enrollment_id") references "training"."enrollment" ("id") on update cascade;`);
    this.addSql(`alter table "training"."certificate" add constraint "certificate_course_id_foreign" foreign key ("course_id") references "training"."course" ("id") on update cascade;`);

    this.addSql(`alter table "training"."lesson" add constraint "lesson_module_id_foreign" foreign key ("module_id") references "training"."course_module" ("id") on update cascade;`);

    this.addSql(`alter table "training"."lesson_completion" add constraint "lesson_completion_enrollment_id_foreign" foreign key ("enrollment_id") references "training"."enrollment" ("id") on update cascade;`);
    this.addSql(`alter table "training"."lesson_completion" add constraint "lesson_completion_lesson_id_foreign" foreign key ("lesson_id") references "training"."lesson" ("id") on update cascade;`);

    this.addSql(`alter table "training"."mentorship" add constraint "mentorship_course_id_foreign" foreign key ("course_id") references "training"."course" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "training"."session" add constraint "session_course_id_foreign" foreign key ("course_id") references "training"."course" ("id") on update cascade;`);

    this.addSql(`alter table "training"."course" add column "schedule" text null, add column "schedule_zh" text null, add column "time_zone" text not null default 'Asia/Shanghai', add column "requires_approval" boolean not null default false, add column "funding_grant_id" uuid null, add column "recognitions" jsonb not null default '[]';`);
    this.addSql(`create index "course_funding_grant_id_index" on "training"."course" ("funding_grant_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "training"."lesson" drop constraint "lesson_module_id_foreign";`);

    this.addSql(`alter table "training"."lesson_completion" drop constraint "lesson_completion_lesson_id_foreign";`);

    this.addSql(`drop table if exists "training"."course_module" cascade;`);

    this.addSql(`drop table if exists "training"."certificate" cascade;`);

    this.addSql(`drop table if exists "training"."lesson" cascade;`);

    this.addSql(`drop table if exists "training"."lesson_completion" cascade;`);

    this.addSql(`drop table if exists "training"."mentorship" cascade;`);

    this.addSql(`drop table if exists "training"."session" cascade;`);

    this.addSql(`drop index "training"."course_funding_grant_id_index";`);
    this.addSql(`alter table "training"."course" drop column "schedule", drop column "schedule_zh", drop column "time_zone", drop column "requires_approval", drop column "funding_grant_id", drop column "recognitions";`);
  }

}
