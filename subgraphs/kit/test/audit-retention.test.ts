import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { AuditEntry } from '../src/audit/audit-entry';
import { auditRetention, pruneAuditEntries } from '../src/audit/audit-retention';
import { newId } from '../src/ids';
import type { TestDatabase } from '../src/testing/database';
import { entitySchema } from './support/entity-schema';

const SCHEMA = 'audit_test';
const DAY = 86_400_000;

describe('audit retention: entries older than AUDIT_RETENTION_DAYS are deleted, newer ones kept', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    ({ orm, database } = await entitySchema('ngohub_kit_audit_retention', SCHEMA, [AuditEntry]));
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const entry = (daysAgo: number) =>
    Object.assign(new AuditEntry(), {
      at: new Date(Date.now() - daysAgo * DAY),
      requestId: `r${daysAgo}`,
      actorKind: 'HUB_ADMIN',
      subjectPersonId: newId(),
      action: 'READ',
      outcome: 'ALLOWED',
      fields: ['Person.email'],
    });
  const left = async () => (await orm.em.fork().find(AuditEntry, {}, { orderBy: { at: 'desc' } })).map((e) => e.requestId);

  it('prunes by age', async () => {
    await orm.em.fork().insertMany(AuditEntry, [entry(1), entry(29), entry(31), entry(400)]);
    expect(await pruneAuditEntries(orm.em, 30)).toBe(2);
    expect(await left()).toEqual(['r1', 'r29']);
  });

  it('runs on its own once started, and not at all with 0 days', async () => {
    await orm.em.fork().insertMany(AuditEntry, [entry(10)]);
    const off = auditRetention(orm.em, 0, pino({ level: 'silent' }), 10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    off.stop();
    expect(await left()).toEqual(['r1', 'r10', 'r29']);
    const on = auditRetention(orm.em, 5, pino({ level: 'silent' }), 10);
    for (let waited = 0; (await left()).length > 1 && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    on.stop();
    expect(await left()).toEqual(['r1']);
  });
});
