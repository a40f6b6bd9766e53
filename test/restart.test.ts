import { freePort } from '@ngo-hub/kit/processes';
import { graphqlRequest } from '@ngo-hub/kit/testing/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminHeaders } from './setup/identities';

const START = join(__dirname, '..', 'gateway', 'dist', 'hub', 'start.js');
const IMPORT = join(__dirname, '..', 'subgraphs', 'funding', 'dist', 'src', 'three-sixty-giving', 'import-cli.js');
const SAMPLE = join(__dirname, '..', 'subgraphs', 'funding', 'test', 'fixtures', '360giving_grantnav_esmee-fairbairn_5grants.json');

function runNode(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the README's `npm start` entry point with no DATABASE_URL (embedded PostgreSQL) until it is up. */
async function startHubProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  // its own process group, so a failed test can take down the hub with all its children
  const child = spawn(process.execPath, [START], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('NGO Hub is running')) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the hub did not start in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, output: () => output };
}

const running = new Set<ChildProcess>();

/** Ctrl-C: SIGINT to the launcher alone; it must stop its children and PostgreSQL itself. */
async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  const code = await exited;
  running.delete(child);
  return code;
}

function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start on an embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ngohub-start-'));
  chmodSync(dataDir, 0o755); // like a checkout's .data/: reachable by the postgres user PostgreSQL runs as under root
  afterAll(() => {
    for (const child of running) if (child.pid && processGroupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a new data folder with the seed, stops cleanly on Ctrl-C, and starts again with the data kept and the seed not duplicated; the 360Giving import finds the running hub by itself', async () => {
    const ports = {
      gateway: await freePort(),
      organizations: await freePort(),
      people: await freePort(),
      funding: await freePort(),
      training: await freePort(),
    };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NGOHUB_DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      GATEWAY_PORT: String(ports.gateway),
      ORGANIZATIONS_PORT: String(ports.organizations),
      PEOPLE_PORT: String(ports.people),
      FUNDING_PORT: String(ports.funding),
      TRAINING_PORT: String(ports.training),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const url = `http://127.0.0.1:${ports.gateway}/graphql`;
    const COUNT = `{ organizations { totalCount } grants { totalCount } courses { totalCount } people { totalCount } }`;

    const first = await startHubProcess(env);
    expect(first.output()).toContain(`http://127.0.0.1:${ports.gateway}/`);
    const seeded = await graphqlRequest<Record<string, { totalCount: number }>>(url, COUNT);
    expect(seeded.errors).toBeUndefined();
    for (const list of Object.values(seeded.data!)) expect(list.totalCount).toBeGreaterThan(0);
    const created = await graphqlRequest(
      url,
      `mutation { createOrganization(input: { name: "Survives a restart", kind: NGO }) { organization { id } } }`,
      undefined,
      adminHeaders(),
    );
    expect(created.errors).toBeUndefined();
    expect(await stop(first.child)).toBe(0);
    expect(processGroupAlive(first.child.pid!)).toBe(false); // no subgraph, gateway or PostgreSQL left behind

    const second = await startHubProcess(env);
    const again = await graphqlRequest<Record<string, { totalCount: number }>>(url, COUNT);
    expect(again.data).toEqual({ ...seeded.data, organizations: { totalCount: seeded.data!.organizations.totalCount + 1 } });

    // the README's second terminal: the 360Giving import finds the running hub by itself, no secret copied by hand
    const connection = join(dataDir, 'hub.json');
    expect(statSync(connection).mode & 0o777).toBe(0o600);
    const cliEnv: NodeJS.ProcessEnv = { ...process.env, NGOHUB_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    for (const name of ['DATABASE_URL', 'FUNDING_DATABASE_URL', 'ORGANIZATIONS_URL', 'GATEWAY_SECRET', 'TS_JEST']) delete cliEnv[name];
    const imported = await runNode(IMPORT, [SAMPLE], cliEnv);
    expect(imported.stdout).toMatch(/added\s+5\b/);
    expect(imported.code).toBe(0);
    const counted = await graphqlRequest<{ grants: { totalCount: number } }>(url, '{ grants { totalCount } }');
    expect(counted.data!.grants.totalCount).toBe(seeded.data!.grants.totalCount + 5);
    expect(await stop(second.child)).toBe(0);
    expect(existsSync(connection)).toBe(false);
    const orphan = await runNode(IMPORT, [SAMPLE], cliEnv);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('npm start');
  }, 300_000);
});
