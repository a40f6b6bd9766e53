import { Migration } from '@mikro-orm/migrations';

/**
 * Incremental sync for partners: createdAt/updatedAt kept by the database (touch_row stamps them
 * with its clock on insert and on every update that changes the row, however it is written), and
 * the removal table its triggers fill when a synced row is deleted or leaves its list.
 */
export class Migration20261202083519_incremental_sync extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "funding"."removal" ("type" text not null, "id" uuid not null, "removed_at" timestamptz(3) not null default now(), constraint "removal_pkey" primary key ("type", "id"));`);
    this.addSql(`create index "removal_type_removed_at_id_index" on "funding"."removal" ("type", "removed_at", "id");`);

    this.addSql(`alter table "funding"."funding_programme" add column "updated_at" timestamptz(3) not null default now();`);
    this.addSql(`alter table "funding"."funding_programme" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`create index "funding_programme_updated_at_id_index" on "funding"."funding_programme" ("updated_at", "id");`);

    this.addSql(`alter table "funding"."grant" add column "updated_at" timestamptz(3) not null default now();`);
    this.addSql(`alter table "funding"."grant" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`create index "grant_updated_at_id_index" on "funding"."grant" ("updated_at", "id");`);

    // rows from before: last known change is the later of creation and provenance
    this.addSql(`update "funding"."grant" set "updated_at" = greatest("created_at", coalesce("provenance_recorded_at", "created_at"));`);
    this.addSql(`update "funding"."funding_programme" set "updated_at" = greatest("created_at", coalesce("provenance_recorded_at", "created_at"));`);
    this.addSql(`create function "funding".touch_row() returns trigger language plpgsql as $$
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
    this.addSql(`create function "funding".record_removal() returns trigger language plpgsql as $$
begin
  insert into "funding"."removal" ("type", "id", "removed_at") values (tg_argv[0], old.id, clock_timestamp())
    on conflict ("type", "id") do update set "removed_at" = excluded."removed_at";
  return null;
end $$;`);
    this.addSql(`create function "funding".forget_removal() returns trigger language plpgsql as $$
begin
  delete from "funding"."removal" where "type" = tg_argv[0] and "id" = new.id;
  return null;
end $$;`);
    this.addSql(`create trigger touch_row before insert or update on "funding"."grant" for each row execute function "funding".touch_row('title_bigrams');`);
    this.addSql(`create trigger touch_row before insert or update on "funding"."funding_programme" for each row execute function "funding".touch_row();`);
    this.addSql(`create trigger record_removal after delete on "funding"."grant" for each row execute function "funding".record_removal('Grant');`);
    this.addSql(`create trigger forget_removal after insert on "funding"."grant" for each row execute function "funding".forget_removal('Grant');`);
    this.addSql(`create trigger record_removal after delete on "funding"."funding_programme" for each row execute function "funding".record_removal('FundingProgramme');`);
    this.addSql(`create trigger forget_removal after insert on "funding"."funding_programme" for each row execute function "funding".forget_removal('FundingProgramme');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists touch_row on "funding"."funding_programme";`);
    this.addSql(`drop trigger if exists record_removal on "funding"."funding_programme";`);
    this.addSql(`drop trigger if exists forget_removal on "funding"."funding_programme";`);
    this.addSql(`drop trigger if exists record_unlisting on "funding"."funding_programme";`);
    this.addSql(`drop trigger if exists forget_relisting on "funding"."funding_programme";`);
    this.addSql(`drop trigger if exists touch_row on "funding"."grant";`);
    this.addSql(`drop trigger if exists record_removal on "funding"."grant";`);
    this.addSql(`drop trigger if exists forget_removal on "funding"."grant";`);
    this.addSql(`drop trigger if exists record_unlisting on "funding"."grant";`);
    this.addSql(`drop trigger if exists forget_relisting on "funding"."grant";`);
    this.addSql(`drop function if exists "funding".touch_row();`);
    this.addSql(`drop function if exists "funding".record_removal();`);
    this.addSql(`drop function if exists "funding".forget_removal();`);

    this.addSql(`drop table if exists "funding"."removal" cascade;`);

    this.addSql(`drop index "funding"."funding_programme_updated_at_id_index";`);
    this.addSql(`alter table "funding"."funding_programme" drop column "updated_at";`);

    this.addSql(`alter table "funding"."funding_programme" alter column "created_at" type timestamptz(6) using ("created_at"::timestamptz(6));`);

    this.addSql(`drop index "funding"."grant_updated_at_id_index";`);
    this.addSql(`alter table "funding"."grant" drop column "updated_at";`);

    this.addSql(`alter table "funding"."grant" alter column "created_at" type timestamptz(6) using ("created_at"::timestamptz(6));`);
  }

}
