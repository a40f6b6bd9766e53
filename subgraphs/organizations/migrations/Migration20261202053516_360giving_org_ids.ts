import { Migration } from '@mikro-orm/migrations';

/** Org-ids an organization is published with (360Giving), findable through a GIN index; a country may be unknown. */
export class Migration20261202053516_360giving_org_ids extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "organizations"."organization" add column "published_org_ids" text[] not null default '{}';`);
    this.addSql(`alter table "organizations"."organization" alter column "country" drop not null;`);
    this.addSql(`create index "organization_published_org_ids_index" on "organizations"."organization" using gin ("published_org_ids");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "organizations"."organization_published_org_ids_index";`);
    this.addSql(`alter table "organizations"."organization" drop column "published_org_ids";`);

    this.addSql(`alter table "organizations"."organization" alter column "country" set not null;`);
  }

}
