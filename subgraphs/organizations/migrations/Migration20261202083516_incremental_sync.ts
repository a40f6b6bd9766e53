import { Migration } from '@mikro-orm/migrations';

/**
 * Incremental sync for partners: createdAt/updatedAt kept by the database (touch_row stamps them
 * with its clock on insert and on every update that changes the row, however it is written), and
 * the removal table its triggers fill when a synced row is deleted or leaves its list.
 */
export class Migration20261202083516_incremental_sync extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organizations"."removal" ("type" text not null, "id" uuid not null, "removed_at" timestamptz(3) not null default now(), constraint "removal_pkey" primary key ("type", "id"));`);
    this.addSql(`create index "removal_type_removed_at_id_index" on "organizations"."removal" ("type", "removed_at", "id");`);

    this.addSql(`alter table "organizations"."organization" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`alter table "organizations"."organization" alter column "updated_at" type timestamptz(3) using ("updated_at"::timestamptz(3));`);
    this.addSql(`create index "organization_updated_at_id_index" on "organizations"."organization" ("updated_at", "id");`);

    this.addSql(`create function "organizations".touch_row() returns trigger language plpgsql as $$
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
    this.addSql(`create function "organizations".record_removal() returns trigger language plpgsql as $$
begin
  insert into "organizations"."removal" ("type", "id", "removed_at") values (tg_argv[0], old.id, clock_timestamp())
    on conflict ("type", "id") do update set "removed_at" = excluded."removed_at";
  return null;
end $$;`);
    this.addSql(`create function "organizations".forget_removal() returns trigger language plpgsql as $$
begin
  delete from "organizations"."removal" where "type" = tg_argv[0] and "id" = new.id;
  return null;
end $$;`);
    this.addSql(`create trigger touch_row before insert or update on "organizations"."organization" for each row execute function "organizations".touch_row('city_key', 'name_bigrams', 'name_zh_bigrams');`);
    this.addSql(`create trigger record_removal after delete on "organizations"."organization" for each row execute function "organizations".record_removal('Organization');`);
    this.addSql(`create trigger forget_removal after insert on "organizations"."organization" for each row execute function "organizations".forget_removal('Organization');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists touch_row on "organizations"."organization";`);
    this.addSql(`drop trigger if exists record_removal on "organizations"."organization";`);
    this.addSql(`drop trigger if exists forget_removal on "organizations"."organization";`);
    this.addSql(`drop trigger if exists record_unlisting on "organizations"."organization";`);
    this.addSql(`drop trigger if exists forget_relisting on "organizations"."organization";`);
    this.addSql(`drop function if exists "organizations".touch_row();`);
    this.addSql(`drop function if exists "organizations".record_removal();`);
    this.addSql(`drop function if exists "organizations".forget_removal();`);

    this.addSql(`drop table if exists "organizations"."removal" cascade;`);

    this.addSql(`drop index "organizations"."organization_updated_at_id_index";`);

    this.addSql(`alter table "organizations"."organization" alter column "created_at" type timestamptz(6) using ("created_at"::timestamptz(6));`);
    this.addSql(`alter table "organizations"."organization" alter column "updated_at" type timestamptz(6) using ("updated_at"::timestamptz(6));`);
  }

}
