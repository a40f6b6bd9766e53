import { MikroORM } from '@mikro-orm/postgresql';
import { AuditEntry } from '../src/audit/audit-entry';
import { AuditTrail } from '../src/audit/audit-trail';
import { callerIdentity } from '../src/auth/identity';
import { newId } from '../src/ids';
import { findRows } from '../src/read-rows';
import type { TestDatabase } from '../src/testing/database';
import { entitySchema } from './support/entity-schema';

const SCHEMA = 'read_rows_test';

describe('read paths without managed entities, and the audit trail in one statement', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  const statements: string[] = [];

  beforeAll(async () => {
    ({ orm, database } = await entitySchema('ngohub_kit_read_rows', SCHEMA, [AuditEntry]));
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => statements.push(query.sql));
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it("writes a request's audit trail of 1,000 people in one statement, every field kept", async () => {
    const admin = callerIdentity({ admin: true, personId: newId(), memberships: [{ organizationId: newId(), role: 'EDITOR' }] });
    const trail = new AuditTrail(admin, 'request-1000');
    const people = Array.from({ length: 1000 }, () => newId());
    trail.record(people, 'READ', 'ALLOWED', 'Person.enrollments');
    trail.record(people.slice(0, 10), 'READ', 'ALLOWED', 'Enrollment.person');
    trail.record(people.slice(0, 1), 'READ', 'DENIED', 'Person.email');
    const before = statements.length;
    expect(await trail.flush(orm.em, new Date('2026-01-02T03:04:05.678Z'))).toBe(1001);
    expect(statements.length - before).toBe(1);
    const rows = await orm.em.fork().find(AuditEntry, { requestId: 'request-1000' });
    expect(rows).toHaveLength(1001);
    const first = rows.find((row) => row.subjectPersonId === people[0] && row.outcome === 'ALLOWED')!;
    expect(first).toMatchObject({
      at: new Date('2026-01-02T03:04:05.678Z'),
      actorKind: 'HUB_ADMIN',
      actorPersonId: admin.personId,
      actorApiKeyId: null,
      actorOrganizationIds: [admin.memberships[0].organizationId],
      action: 'READ',
      fields: ['Enrollment.person', 'Person.enrollments'],
    });
    expect(rows.find((row) => row.subjectPersonId === people[0] && row.outcome === 'DENIED')!.fields).toEqual(['Person.email']);
    expect(trail.size).toBe(0);
  });

  it('reads rows as instances of the entity class equal to what em.find builds, outside the identity map', async () => {
    const em = orm.em.fork();
    const managed = await em.find(AuditEntry, { requestId: 'request-1000' }, { orderBy: { id: 'asc' }, limit: 50 });
    const read = await findRows(orm.em.fork(), AuditEntry, { requestId: 'request-1000' }, { orderBy: { id: 'asc' }, limit: 50 });
    expect(read).toHaveLength(50);
    read.forEach((row, i) => {
      expect(row).toBeInstanceOf(AuditEntry);
      expect({ ...row }).toEqual({ ...managed[i] });
      expect(row.at).toBeInstanceOf(Date);
    });
    // the unit of work never sees them: a change is not written by a flush
    const fork = orm.em.fork();
    const [row] = await findRows(fork, AuditEntry, { id: managed[0].id });
    row.requestId = 'changed';
    await fork.flush();
    expect((await orm.em.fork().findOneOrFail(AuditEntry, managed[0].id)).requestId).toBe('request-1000');
  });
});
