import { freePort, runSubgraphCommand, startSubgraphProcess, type ChildService } from '@ngo-hub/kit/processes';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EMBEDDED = join(__dirname, '..', 'subgraphs', 'kit', 'dist', 'cli', 'embedded-postgres.js');

/** An embedded PostgreSQL in a process of its own, so the test can stop and start it. */
async function startPostgres(dataDir: string, port: number): Promise<{ process: ChildProcess; serverUrl: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [EMBEDDED, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const serverUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  return {
    process: child,
    serverUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function databaseOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function probe(base: string, path: '/readyz' | '/healthz') {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.text() };
}

describe('readiness follows the database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ngohub-ready-'));
  chmodSync(dataDir, 0o755);
  let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let organizations: ChildService | undefined;
  afterAll(async () => {
    await organizations?.stop();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready with the database up and migrated, not ready while it is down (still alive), and ready again when it is back', async () => {
    const port = await freePort();
    postgres = await startPostgres(dataDir, port);
    const env = { ...process.env, DATABASE_URL: databaseOn(postgres.serverUrl, 'ngohub'), LOG_LEVEL: 'fatal' };
    await runSubgraphCommand('organizations', 'migrate', env);
    organizations = await startSubgraphProcess('organizations', await freePort(), env, 'ignore');
    const base = organizations.url.replace(/\/graphql$/, '');

    const up = await probe(base, '/readyz');
    expect(up.status).toBe(200);
    expect(JSON.parse(up.body)).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });

    await postgres.stop();
    const down = await probe(base, '/readyz');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body).checks.database).toMatch(/^unreachable|no answer/);
    expect((await probe(base, '/healthz')).status).toBe(200);

    postgres = await startPostgres(dataDir, port);
    const deadline = Date.now() + 20_000;
    let again = await probe(base, '/readyz');
    while (again.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await probe(base, '/readyz');
    }
    expect(again.status).toBe(200);
  }, 90_000);
});
