import { Migration } from '@mikro-orm/migrations';
import { auditMigrationSql, dropAuditSql } from '@ngo-hub/kit';

/** The audit log of personal data read or changed here (see the kit's audit/audit-entry.ts). */
export class Migration20261123190000_audit_log extends Migration {
  override async up(): Promise<void> {
    for (const sql of auditMigrationSql('funding')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropAuditSql('funding')) this.addSql(sql);
  }
}
