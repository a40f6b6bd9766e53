import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../src/testing/database';

const DIST = join(__dirname, '..', 'dist');

/**
 * Runs `script` in a node process of its own (its module cache is the thing observed), with
 * `loaded(packagePath)` telling whether any code of that package has been required (its
 * package.json does not count: MikroORM reads those at start to compare versions). Returns what
 * the script wrote as JSON.
 */
async function inOwnProcess(script: string, env: Record<string, string>): Promise<unknown> {
  // without ts-jest's marker, as a service process runs (with it, MikroORM would look for TypeScript migrations)
  const { TS_JEST: _tsJest, ...inherited } = process.env;
  const loaded = `const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/') && file.endsWith('.js'));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', `${loaded}\n${script}`], {
    cwd: join(__dirname, '..'),
    env: { ...inherited, KIT_DIST: DIST, ...env },
  });
  return JSON.parse(stdout);
}

describe('libraries a process may never need are loaded on first use', () => {
  let database: TestDatabase;
  let migrations: string;

  beforeAll(async () => {
    database = await createTestDatabase('ngohub_kit_first_use');
    migrations = mkdtempSync(join(tmpdir(), 'kit-migrations-'));
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(migrations, { recursive: true, force: true });
  });

  it("MikroORM's Migrator (umzug and its command line): when a migration or the readiness check first asks, not when a process opens its ORM", async () => {
    const script = `
      const { EntitySchema } = require('@mikro-orm/core');
      const { MikroORM } = require('@mikro-orm/postgresql');
      const { ormOptions } = require(process.env.KIT_DIST + '/orm.js');
      (async () => {
        const Note = new EntitySchema({ name: 'Note', tableName: 'note', properties: { id: { type: 'uuid', primary: true } } });
        const dir = process.env.MIGRATIONS_DIR;
        const orm = await MikroORM.init(ormOptions({ schema: 'public', clientUrl: process.env.DATABASE_URL, entities: [Note], migrationsPath: dir, migrationsPathTs: dir }));
        const atStart = loaded('@mikro-orm/migrations');
        const pending = await orm.getMigrator().getPendingMigrations();
        process.stdout.write(JSON.stringify({ atStart, afterFirstUse: loaded('@mikro-orm/migrations'), pending: pending.length }));
        await orm.close();
      })();`;
    expect(await inOwnProcess(script, { DATABASE_URL: database.url, MIGRATIONS_DIR: migrations })).toEqual({ atStart: false, afterFirstUse: true, pending: 0 });
  });

  it("undici: by the first POST to a subgraph, not by loading the kit's server side", async () => {
    const script = `
      // the kit's server side, as a subgraph process loads it, then the POST of its subgraph client and the gateway
      require(process.env.KIT_DIST + '/index.js');
      const { postToSubgraph } = require(process.env.KIT_DIST + '/http/subgraph-post.js');
      const { createServer } = require('node:http');
      (async () => {
        const atStart = loaded('undici');
        const server = createServer((req, res) => req.resume().on('end', () => res.end('{"data":{}}')));
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        const url = 'http://127.0.0.1:' + server.address().port + '/graphql';
        const response = await postToSubgraph(url, { headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }, AbortSignal.timeout(5000));
        process.stdout.write(JSON.stringify({ atStart, afterFirstPost: loaded('undici'), answer: await response.json() }));
        server.close();
      })();`;
    expect(await inOwnProcess(script, {})).toEqual({ atStart: false, afterFirstPost: true, answer: { data: {} } });
  });
});
