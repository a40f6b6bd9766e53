import { Migration } from '@mikro-orm/migrations';

/**
 * Incremental sync for partners: createdAt/updatedAt kept by the database (touch_row stamps them
 * with its clock on insert and on every update that changes the row, however it is written), and
 * the removal table its triggers fill when a synced row is deleted or leaves its list.
 */
export class Migration20261202083518_incremental_sync extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "people"."removal" ("type" text not null, "id" uuid not null, "removed_at" timestamptz(3) not null default now(), constraint "removal_pkey" primary key ("type", "id"));`);
    this.addSql(`create index "removal_type_removed_at_id_index" on "people"."removal" ("type", "removed_at", "id");`);

    this.addSql(`alter table "people"."job_posting" alter column "updated_at" type timestamptz(3) using ("updated_at"::timestamptz(3));`);
    this.addSql(`create index "job_posting_updated_at_id_index" on "people"."job_posting" ("updated_at", "id");`);

    this.addSql(`alter table "people"."person" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`alter table "people"."person" alter column "updated_at" type timestamptz(3) using ("updated_at"::timestamptz(3));`);
    this.addSql(`create index "person_updated_at_id_index" on "people"."person" ("updated_at", "id");`);

    this.addSql(`alter table "people"."affiliation" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`alter table "people"."affiliation" alter column "updated_at" type timestamptz(3) using ("updated_at"::timestamptz(3));`);

    this.addSql(`create function "people".touch_row() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    new.created_at := clock_timestamp();
    new.updated_at := new.created_at;
    return new;
  end if;
  new.created_at := old.created_at;
  -- the arguments name the table's generated columns, which NEW does not hold yet in a BEFORE
  -- trigger (one left out only makes an update that changes nothing move updated_at)
  if to_jsonb(new) - tg_argv - 'updated_at' = to_jsonb(old) - tg_argv - 'updated_at' then
    new.updated_at := old.updated_at;
  else
    new.updated_at := clock_timestamp();
  end if;
  return new;
end $$;`);
    this.addSql(`create function "people".record_removal() returns trigger language plpgsql as $$
begin
  insert into "people"."removal" ("type", "id", "removed_at") values (tg_argv[0], old.id, clock_timestamp())
    on conflict ("type", "id") do update set "removed_at" = excluded."removed_at";
  return null;
end $$;`);
    this.addSql(`create function "people".forget_removal() returns trigger language plpgsql as $$
begin
  delete from "people"."removal" where "type" = tg_argv[0] and "id" = new.id;
  return null;
end $$;`);
    this.addSql(`create trigger touch_row before insert or update on "people"."person" for each row execute function "people".touch_row('city_key', 'name_bigrams', 'name_zh_bigrams', 'skill_keys');`);
    this.addSql(`create trigger touch_row before insert or update on "people"."job_posting" for each row execute function "people".touch_row('skill_keys');`);
    this.addSql(`create trigger touch_row before insert or update on "people"."affiliation" for each row execute function "people".touch_row();`);
    this.addSql(`create trigger record_removal after delete on "people"."job_posting" for each row execute function "people".record_removal('JobPosting');`);
    this.addSql(`create trigger forget_removal after insert on "people"."job_posting" for each row execute function "people".forget_removal('JobPosting');`);
    this.addSql(`create trigger record_removal after delete on "people"."person" for each row execute function "people".record_removal('Person');`);
    this.addSql(`create trigger forget_removal after insert on "people"."person" for each row when (new.visibility <> 'PRIVATE') execute function "people".forget_removal('Person');`);
    // a PRIVATE profile (also an erased one) leaves the directory: for a syncing client it is removed
    this.addSql(`create trigger record_unlisting after update of visibility on "people"."person" for each row when (new.visibility = 'PRIVATE' and old.visibility <> 'PRIVATE') execute function "people".record_removal('Person');`);
    this.addSql(`create trigger forget_relisting after update of visibility on "people"."person" for each row when (old.visibility = 'PRIVATE' and new.visibility <> 'PRIVATE') execute function "people".forget_removal('Person');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists touch_row on "people"."affiliation";`);
    this.addSql(`drop trigger if exists record_removal on "people"."affiliation";`);
    this.addSql(`drop trigger if exists forget_removal on "people"."affiliation";`);
    this.addSql(`drop trigger if exists record_unlisting on "people"."affiliation";`);
    this.addSql(`drop trigger if exists forget_relisting on "people"."affiliation";`);
    this.addSql(`drop trigger if exists touch_row on "people"."job_posting";`);
    this.addSql(`drop trigger if exists record_removal on "people"."job_posting";`);
    this.addSql(`drop trigger if exists forget_removal on "people"."job_posting";`);
    this.addSql(`drop trigger if exists record_unlisting on "people"."job_posting";`);
    this.addSql(`drop trigger if exists forget_relisting on "people"."job_posting";`);
    this.addSql(`drop trigger if exists touch_row on "people"."person";`);
    this.addSql(`drop trigger if exists record_removal on "people"."person";`);
    this.addSql(`drop trigger if exists forget_removal on "people"."person";`);
    this.addSql(`drop trigger if exists record_unlisting on "people"."person";`);
    this.addSql(`drop trigger if exists forget_relisting on "people"."person";`);
    this.addSql(`drop function if exists "people".touch_row();`);
    this.addSql(`drop function if exists "people".record_removal();`);
    this.addSql(`drop function if exists "people".forget_removal();`);

    this.addSql(`drop table if exists "people"."removal" cascade;`);

    this.addSql(`alter table "people"."affiliation" alter column "created_at" type timestamptz(6) using ("created_at"::timestamptz(6));`);
    this.addSql(`alter table "people"."affiliation" alter column "updated_at" type timestamptz(6) using ("updated_at"::timestamptz(6));`);

    this.addSql(`drop index "people"."job_posting_updated_at_id_index";`);

    this.addSql(`alter table "people"."job_posting" alter column "updated_at" type timestamptz(6) using ("updated_at"::timestamptz(6));`);

    this.addSql(`drop index "people"."person_updated_at_id_index";`);

    this.addSql(`alter table "people"."person" alter column "created_at" type timestamptz(6) using ("created_at"::timestamptz(6));`);
    this.addSql(`alter table "people"."person" alter column "updated_at" type timestamptz(6) using ("updated_at"::timestamptz(6));`);
  }

}
