import { Migration } from '@mikro-orm/migrations';

/**
 * Incremental sync for partners: createdAt/updatedAt kept by the database (touch_row stamps them
 * with its clock on insert and on every update that changes the row, however it is written), and
 * the removal table its triggers fill when a synced row is deleted or leaves its list.
 */
export class Migration20261202083521_incremental_sync extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "training"."removal" ("type" text not null, "id" uuid not null, "removed_at" timestamptz(3) not null default now(), constraint "removal_pkey" primary key ("type", "id"));`);
    this.addSql(`create index "removal_type_removed_at_id_index" on "training"."removal" ("type", "removed_at", "id");`);

    this.addSql(`alter table "training"."course" alter column "created_at" type timestamptz(3) using ("created_at"::timestamptz(3));`);
    this.addSql(`alter table "training"."course" alter column "updated_at" type timestamptz(3) using ("updated_at"::timestamptz(3));`);
    this.addSql(`create index "course_updated_at_id_index" on "training"."course" ("updated_at", "id");`);

    this.addSql(`alter table "training"."enrollment" add column "created_at" timestamptz(3) not null default now();`);
    this.addSql(`alter table "training"."enrollment" alter column "updated_at" type timestamptz(3) using ("updated_at"::timestamptz(3));`);
    this.addSql(`alter table "training"."enrollment" alter column "updated_at" set default now();`);

    // rows from before: an enrollment was created when the person applied
    this.addSql(`update "training"."enrollment" set "created_at" = "applied_at";`);
    this.addSql(`create function "training".touch_row() returns trigger language plpgsql as $$
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
    this.addSql(`create function "training".record_removal() returns trigger language plpgsql as $$
begin
  insert into "training"."removal" ("type", "id", "removed_at") values (tg_argv[0], old.id, clock_timestamp())
    on conflict ("type", "id") do update set "removed_at" = excluded."removed_at";
  return null;
end $$;`);
    this.addSql(`create function "training".forget_removal() returns trigger language plpgsql as $$
begin
  delete from "training"."removal" where "type" = tg_argv[0] and "id" = new.id;
  return null;
end $$;`);
    this.addSql(`create trigger touch_row before insert or update on "training"."course" for each row execute function "training".touch_row();`);
    this.addSql(`create trigger touch_row before insert or update on "training"."enrollment" for each row execute function "training".touch_row();`);
    this.addSql(`create trigger record_removal after delete on "training"."course" for each row execute function "training".record_removal('Course');`);
    this.addSql(`create trigger forget_removal after insert on "training"."course" for each row execute function "training".forget_removal('Course');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists touch_row on "training"."course";`);
    this.addSql(`drop trigger if exists record_removal on "training"."course";`);
    this.addSql(`drop trigger if exists forget_removal on "training"."course";`);
    this.addSql(`drop trigger if exists record_unlisting on "training"."course";`);
    this.addSql(`drop trigger if exists forget_relisting on "training"."course";`);
    this.addSql(`drop trigger if exists touch_row on "training"."enrollment";`);
    this.addSql(`drop trigger if exists record_removal on "training"."enrollment";`);
    this.addSql(`drop trigger if exists forget_removal on "training"."enrollment";`);
    this.addSql(`drop trigger if exists record_unlisting on "training"."enrollment";`);
    this.addSql(`drop trigger if exists forget_relisting on "training"."enrollment";`);
    this.addSql(`drop function if exists "training".touch_row();`);
    this.addSql(`drop function if exists "training".record_removal();`);
    this.addSql(`drop function if exists "training".forget_removal();`);

    this.addSql(`drop table if exists "training"."removal" cascade;`);

    this.addSql(`drop index "training"."course_updated_at_id_index";`);

    this.addSql(`alter table "training"."course" alter column "created_at" type timestamptz(6) using ("created_at"::timestamptz(6));`);
    this.addSql(`alter table "training"."course" alter column "updated_at" type timestamptz(6) using ("updated_at"::timestamptz(6));`);

    this.addSql(`alter table "training"."enrollment" drop column "created_at";`);

    this.addSql(`alter table "training"."enrollment" alter column "updated_at" drop default;`);
    this.addSql(`alter table "training"."enrollment" alter column "updated_at" type timestamptz(3) using ("updated_at"::timestamptz(3));`);
  }

}
