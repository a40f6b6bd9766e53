import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132059_certificate_holder_erasure extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "training"."certificate" alter column "holder_name" type text using ("holder_name"::text);`);
    this.addSql(`alter table "training"."certificate" alter column "holder_name" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "training"."certificate" alter column "holder_name" type text using ("holder_name"::text);`);
    this.addSql(`alter table "training"."certificate" alter column "holder_name" set not null;`);
  }

}
