import { Migration } from '@mikro-orm/migrations';

export class Migration20261202083116_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organizations"."webhook" ("id" uuid not null, "organization_id" uuid not null, "url" text not null, "description" text null, "topics" text[] not null, "filter" jsonb not null, "secret" text not null, "previous_secret" text null, "previous_secret_until" timestamptz null, "enabled" boolean not null default true, "status" text check ("status" in ('ACTIVE', 'FAILING')) not null default 'ACTIVE', "status_reason" text null, "last_event_id" bigint null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "webhook_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_organization_id_created_at_index" on "organizations"."webhook" ("organization_id", "created_at");`);

    this.addSql(`create table "organizations"."webhook_delivery" ("id" uuid not null, "webhook_id" uuid not null, "event_id" bigint not null, "topic" text check ("topic" in ('ORGANIZATION_CHANGED', 'GRANT_AWARDED', 'JOB_POSTED', 'ENROLLMENT_CHANGED')) not null, "body" text not null, "redelivery" boolean not null default false, "status" text check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "last_status_code" int null, "last_error" text null, "last_duration_ms" int null, "created_at" timestamptz not null default now(), "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_webhook_id_status_event_id_index" on "organizations"."webhook_delivery" ("webhook_id", "status", "event_id");`);
    this.addSql(`create index "webhook_delivery_webhook_id_created_at_index" on "organizations"."webhook_delivery" ("webhook_id", "created_at");`);

    this.addSql(`alter table "organizations"."webhook" add constraint "webhook_organization_id_foreign" foreign key ("organization_id") references "organizations"."organization" ("id") on update cascade;`);

    this.addSql(`alter table "organizations"."webhook_delivery" add constraint "webhook_delivery_webhook_id_foreign" foreign key ("webhook_id") references "organizations"."webhook" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organizations"."webhook_delivery" drop constraint "webhook_delivery_webhook_id_foreign";`);

    this.addSql(`drop table if exists "organizations"."webhook" cascade;`);

    this.addSql(`drop table if exists "organizations"."webhook_delivery" cascade;`);
  }

}
