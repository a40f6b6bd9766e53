import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132004_account_erasure extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "people"."erasure_request" ("person_id" uuid not null, "keep_certificates_verifiable" boolean not null, "pending" text[] not null, "requested_at" timestamptz(3) not null default now(), "completed_at" timestamptz(3) null, "last_error" text null, constraint "erasure_request_pkey" primary key ("person_id"));`);

    this.addSql(`alter table "people"."person" add column "erased_at" timestamptz(3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "people"."erasure_request" cascade;`);

    this.addSql(`alter table "people"."person" drop column "erased_at";`);
  }

}
