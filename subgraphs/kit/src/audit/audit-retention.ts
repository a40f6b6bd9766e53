import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { AuditEntry } from './audit-entry';

/** Deletes the audit entries older than `days` days; returns how many. */
export async function pruneAuditEntries(em: EntityManager, days: number): Promise<number> {
  return em.fork().nativeDelete(AuditEntry, { at: { $lt: new Date(Date.now() - days * 86_400_000) } });
}

const HOUR = 3_600_000;

/**
 * Keeps the audit log to its retention (AUDIT_RETENTION_DAYS): prunes a minute after start, then
 * hourly. Every subgraph runs it on its own table; 0 days keeps everything.
 */
export function auditRetention(em: EntityManager, days: number, log: Logger, everyMs = HOUR): { stop(): void } {
  if (days === 0) return { stop: () => undefined };
  let timer: NodeJS.Timeout;
  const run = async () => {
    try {
      const deleted = await pruneAuditEntries(em, days);
      if (deleted) log.info({ deleted, days }, 'audit entries past their retention deleted');
    } catch (error) {
      log.warn({ err: error }, 'pruning the audit log failed; retrying later');
    }
    timer = setTimeout(() => void run(), everyMs).unref();
  };
  timer = setTimeout(() => void run(), Math.min(60_000, everyMs)).unref();
  return { stop: () => clearTimeout(timer) };
}
