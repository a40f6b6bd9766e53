import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../src/testing/database';

const ORM = join(__dirname, '..', 'dist', 'orm.js');

/**
 * In a process of its own (the module cache is the thing observed), opens an ORM with the kit's
 * options, then asks its Migrator for pending migrations: whether @mikro-orm/migrations was loaded
 * before and after that first use, and what the Migrator answered.
 */
const SCRIPT = `
const { EntitySchema } = require('@mikro-orm/core');
const { MikroORM } = require('@mikro-orm/postgresql');
const { ormOptions } = require(process.env.KIT_ORM);
// its code, not its package.json (which MikroORM reads at start to compare versions)
const loaded = () => Object.keys(require.cache).some((file) => /[\\\\/]@mikro-orm[\\\\/]migrations[\\\\/].*\\.js$/.test(file));
(async () => {
  const Note = new EntitySchema({ name: 'Note', tableName: 'note', properties: { id: { type: 'uuid', primary: true } } });
  const dir = process.env.MIGRATIONS_DIR;
  const orm = await MikroORM.init(ormOptions({ schema: 'public', clientUrl: process.env.DATABASE_URL, entities: [Note], migrationsPath: dir, migrationsPathTs: dir }));
  const atStart = loaded();
  const pending = await orm.getMigrator().getPendingMigrations();
  process.stdout.write(JSON.stringify({ atStart, afterFirstUse: loaded(), pending: pending.length }));
  await orm.close();
})();
`;

describe("the ORM's Migrator", () => {
  let database: TestDatabase;
  let migrations: string;

  beforeAll(async () => {
    database = await createTestDatabase('ngohub_kit_migrator');
    migrations = mkdtempSync(join(tmpdir(), 'kit-migrations-'));
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(migrations, { recursive: true, force: true });
  });

  it('is loaded when a migration or the readiness check first asks for it, not when a process opens its ORM', async () => {
    // without ts-jest's marker, as a service process runs (with it, MikroORM would look for TypeScript migrations)
    const { TS_JEST: _tsJest, ...env } = process.env;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', SCRIPT], {
      cwd: join(__dirname, '..'),
      env: { ...env, KIT_ORM: ORM, DATABASE_URL: database.url, MIGRATIONS_DIR: migrations },
    });
    expect(JSON.parse(stdout)).toEqual({ atStart: false, afterFirstUse: true, pending: 0 });
  });
});
