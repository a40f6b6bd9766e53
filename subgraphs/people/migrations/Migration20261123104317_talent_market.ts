import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104317_talent_market extends Migration {

  override async up(): Promise<void> {
    // Skills are matched ignoring case through generated, GIN-indexed `skill_keys` columns; a
    // generated column may only call an immutable function, and unnest needs one of its own.
    this.addSql(`create function "people"."skill_keys"(skills text[]) returns text[] language sql immutable strict parallel safe as $$ select coalesce(array_agg(lower(s)), '{}') from unnest(skills) as s $$;`);
    this.addSql(`create table "people"."job_posting" ("id" uuid not null, "organization_id" uuid not null, "title" text not null, "title_zh" text null, "kind" text check ("kind" in ('FULL_TIME', 'PART_TIME', 'INTERNSHIP', 'VOLUNTEER')) not null, "city" text null, "remote" boolean not null default false, "description" text null, "requirements" text null, "skills" text[] not null default '{}', "skill_keys" text[] generated always as (people.skill_keys(skills)) stored not null, "minimum_qualification" text check ("minimum_qualification" in ('ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER')) null, "salary_min" numeric null, "salary_max" numeric null, "salary_currency" char(3) null, "salary_period" text check ("salary_period" in ('HOUR', 'DAY', 'MONTH', 'YEAR')) null, "opens_on" date null, "closes_on" date null, "status" text check ("status" in ('DRAFT', 'OPEN', 'CLOSED', 'FILLED')) not null default 'OPEN', "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz not null default now(), constraint "job_posting_pkey" primary key ("id"), constraint job_posting_salary_check check ((salary_currency is null and salary_min is null and salary_max is null and salary_period is null) or (salary_currency is not null and salary_period is not null and (salary_min is not null or salary_max is not null) and coalesce(salary_min, 0) >= 0 and (salary_min is null or salary_max is null or salary_min <= salary_max))), constraint job_posting_dates_check check (closes_on is null or opens_on is null or closes_on >= opens_on), constraint job_posting_place_check check (city is not null or remote));`);
    this.addSql(`create index "job_posting_skill_keys_index" on "people"."job_posting" using gin ("skill_keys");`);
    this.addSql(`create index "job_posting_city_lower_index" on "people"."job_posting" (lower("city"));`);
    this.addSql(`create index "job_posting_organization_id_created_at_id_index" on "people"."job_posting" ("organization_id", "created_at", "id");`);
    this.addSql(`create index "job_posting_created_at_id_index" on "people"."job_posting" ("created_at", "id");`);

    this.addSql(`create table "people"."job_application" ("id" uuid not null, "posting_id" uuid not null, "person_id" uuid not null, "cover_note" text null, "status" text check ("status" in ('SUBMITTED', 'SHORTLISTED', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')) not null default 'SUBMITTED', "submitted_at" timestamptz(3) not null default now(), "status_changed_at" timestamptz(3) not null default now(), constraint "job_application_pkey" primary key ("id"));`);
    this.addSql(`create index "job_application_person_id_submitted_at_id_index" on "people"."job_application" ("person_id", "submitted_at", "id");`);
    this.addSql(`create index "job_application_posting_id_submitted_at_id_index" on "people"."job_application" ("posting_id", "submitted_at", "id");`);
    this.addSql(`create unique index "job_application_one_active_per_person_and_posting" on "people"."job_application" ("posting_id", "person_id") where status not in ('REJECTED', 'WITHDRAWN');`);

    this.addSql(`create table "people"."education" ("id" uuid not null, "person_id" uuid not null, "institution" text not null, "institution_zh" text null, "organization_id" uuid null, "degree" text check ("degree" in ('COLLEGE_DIPLOMA', 'BACHELOR', 'MASTER', 'DOCTORATE', 'CERTIFICATE', 'OTHER')) not null, "major" text null, "year" smallint null, "created_at" timestamptz not null default now(), constraint "education_pkey" primary key ("id"));`);
    this.addSql(`create index "education_person_id_year_id_index" on "people"."education" ("person_id", "year", "id");`);

    this.addSql(`create table "people"."qualification" ("id" uuid not null, "person_id" uuid not null, "kind" text check ("kind" in ('SOCIAL_WORK')) not null default 'SOCIAL_WORK', "level" text check ("level" in ('ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER')) not null, "year" smallint null, "created_at" timestamptz not null default now(), constraint "qualification_pkey" primary key ("id"));`);
    this.addSql(`create index "qualification_person_id_year_id_index" on "people"."qualification" ("person_id", "year", "id");`);
    this.addSql(`alter table "people"."qualification" add constraint "qualification_person_id_kind_level_unique" unique ("person_id", "kind", "level");`);

    this.addSql(`create table "people"."recommendation" ("id" uuid not null, "recommender_id" uuid not null, "candidate_id" uuid not null, "organization_id" uuid not null, "posting_id" uuid null, "note" text not null, "created_at" timestamptz(3) not null default now(), constraint "recommendation_pkey" primary key ("id"), constraint recommendation_not_oneself_check check (recommender_id <> candidate_id));`);
    this.addSql(`create index "recommendation_posting_id_created_at_id_index" on "people"."recommendation" ("posting_id", "created_at", "id");`);
    this.addSql(`create index "recommendation_recommender_id_created_at_id_index" on "people"."recommendation" ("recommender_id", "created_at", "id");`);
    this.addSql(`create index "recommendation_candidate_id_created_at_id_index" on "people"."recommendation" ("candidate_id", "created_at", "id");`);
    this.addSql(`create unique index "recommendation_once_per_target" on "people"."recommendation" ("recommender_id", "candidate_id", "organization_id", "posting_id") nulls not distinct;`);

    this.addSql(`alter table "people"."job_application" add constraint "job_application_posting_id_foreign" foreign key ("posting_id") references "people"."job_posting" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "people"."job_application" add constraint "job_application_person_id_foreign" foreign key ("person_id") references "people"."person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "people"."education" add constraint "education_person_id_foreign" foreign key ("person_id") references "people"."person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "people"."qualification" add constraint "qualification_person_id_foreign" foreign key ("person_id") references "people"."person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "people"."recommendation" add constraint "recommendation_recommender_id_foreign" foreign key ("recommender_id") references "people"."person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "people"."recommendation" add constraint "recommendation_candidate_id_foreign" foreign key ("candidate_id") references "people"."person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "people"."recommendation" add constraint "recommendation_posting_id_foreign" foreign key ("posting_id") references "people"."job_posting" ("id") on update cascade on delete cascade;`);

    // The highest qualification held becomes a qualification entry (year unknown) before its column goes.
    this.addSql(`insert into "people"."qualification" ("id", "person_id", "kind", "level") select gen_random_uuid(), "id", 'SOCIAL_WORK', "qualification" from "people"."person" where "qualification" is not null;`);
    this.addSql(`alter table "people"."person" drop column "qualification";`);

    this.addSql(`alter table "people"."person" add column "skill_keys" text[] generated always as (people.skill_keys(skills)) stored not null, add column "languages" text[] not null default '{}', add column "visibility" text check ("visibility" in ('PUBLIC', 'PARTNERS', 'PRIVATE')) not null default 'PUBLIC', add column "open_to_work" boolean not null default false;`);
    this.addSql(`create index "person_skill_keys_index" on "people"."person" using gin ("skill_keys");`);
    this.addSql(`create index "person_city_lower_index" on "people"."person" (lower("city"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "people"."person" add column "qualification" text check ("qualification" in ('ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER')) null;`);
    this.addSql(`update "people"."person" p set "qualification" = (select q."level" from "people"."qualification" q where q."person_id" = p."id" and q."kind" = 'SOCIAL_WORK' order by array_position(array['ASSISTANT_SOCIAL_WORKER', 'SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER'], q."level") desc limit 1);`);

    this.addSql(`alter table "people"."job_application" drop constraint "job_application_posting_id_foreign";`);

    this.addSql(`alter table "people"."recommendation" drop constraint "recommendation_posting_id_foreign";`);

    this.addSql(`drop table if exists "people"."job_posting" cascade;`);

    this.addSql(`drop table if exists "people"."job_application" cascade;`);

    this.addSql(`drop table if exists "people"."education" cascade;`);

    this.addSql(`drop table if exists "people"."qualification" cascade;`);

    this.addSql(`drop table if exists "people"."recommendation" cascade;`);

    this.addSql(`drop index "people"."person_skill_keys_index";`);
    this.addSql(`drop index "people"."person_city_lower_index";`);
    this.addSql(`alter table "people"."person" drop column "skill_keys", drop column "languages", drop column "visibility", drop column "open_to_work";`);
    this.addSql(`drop function "people"."skill_keys"(text[]);`);
  }

}
