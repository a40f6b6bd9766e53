import { Migration } from '@mikro-orm/migrations';

/**
 * An affiliation takes effect once both sides agreed (the person, and the organization's editors or
 * a hub admin). Affiliations recorded before this rule are kept as they were, public: confirmed on
 * both sides when they were recorded.
 */
export class Migration20261202053720_affiliation_consent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "people"."affiliation" add column "person_confirmed_at" timestamptz null, add column "organization_confirmed_at" timestamptz null;`);
    this.addSql(`update "people"."affiliation" set "person_confirmed_at" = "created_at", "organization_confirmed_at" = "created_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "people"."affiliation" drop column "person_confirmed_at", drop column "organization_confirmed_at";`);
  }

}
