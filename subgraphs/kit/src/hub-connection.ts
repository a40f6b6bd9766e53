import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from './package-root';

/**
 * What an operator's tool (the 360Giving import and export) needs to work against a hub started
 * with `npm start`: its database and the shared GATEWAY_SECRET (generated per run) with the
 * subgraphs' URLs. `npm start` writes it under the data directory, readable by its owner only,
 * and removes it when the hub stops; the tools read it when their environment does not say.
 */
export interface HubConnection {
  /** The process that wrote it: a file left by a hub that is gone is ignored. */
  pid: number;
  gatewayUrl: string;
  env: Record<string, string>;
}

/** The variables a tool takes from the running hub (the environment wins when it sets one). */
const SHARED = ['DATABASE_URL', 'ORGANIZATIONS_URL', 'PEOPLE_URL', 'FUNDING_URL', 'TRAINING_URL', 'GATEWAY_SECRET'] as const;

/** `.data/hub.json` under the repository (or NGOHUB_DATA_DIR). */
export function hubConnectionFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.NGOHUB_DATA_DIR ?? join(dirname(dirname(packageRoot(__dirname))), '.data'), 'hub.json');
}

export function writeHubConnection(file: string, gatewayUrl: string, env: NodeJS.ProcessEnv): void {
  const shared = Object.fromEntries(SHARED.filter((name) => env[name]).map((name) => [name, env[name]!]));
  writeFileSync(file, `${JSON.stringify({ pid: process.pid, gatewayUrl, env: shared } satisfies HubConnection, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function removeHubConnection(file: string): void {
  rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The environment for a tool: its own, completed with what the running `npm start` hub left in
 * its connection file, unless the environment sets GATEWAY_SECRET itself (a deployment). Returns
 * the file it used, if any.
 */
export function environmentWithRunningHub(env: NodeJS.ProcessEnv = process.env): { env: NodeJS.ProcessEnv; from?: string } {
  if (env.GATEWAY_SECRET) return { env };
  const file = hubConnectionFile(env);
  if (!existsSync(file)) return { env };
  let connection: HubConnection;
  try {
    connection = JSON.parse(readFileSync(file, 'utf8')) as HubConnection;
  } catch {
    return { env };
  }
  if (!connection.pid || !alive(connection.pid)) return { env };
  const merged: NodeJS.ProcessEnv = { ...env };
  for (const [name, value] of Object.entries(connection.env ?? {})) merged[name] ??= value;
  return { env: merged, from: file };
}
