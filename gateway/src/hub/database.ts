import { databaseOn, redact, startEmbeddedPostgres, SUBGRAPHS, type EmbeddedPostgres, type Logger } from '@ngo-hub/kit';
import { join } from 'node:path';
import { repositoryRoot } from '../paths';

export interface HubDatabase {
  env: NodeJS.ProcessEnv;
  description: string;
  stop(): Promise<void>;
}

/**
 * The database the hub runs on: DATABASE_URL (or per-subgraph URLs) when set, otherwise an
 * embedded PostgreSQL with its data under .data/ (or NGOHUB_DATA_DIR), on port EMBEDDED_POSTGRES_PORT
 * (default 54329).
 */
export async function hubDatabase(env: NodeJS.ProcessEnv, log: Logger): Promise<HubDatabase> {
  const configured = env.DATABASE_URL ?? SUBGRAPHS.map((name) => env[`${name.toUpperCase()}_DATABASE_URL`]).find(Boolean);
  if (configured) {
    return { env, description: redact(configured), stop: async () => undefined };
  }
  const port = Number(env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const dataDir = join(env.NGOHUB_DATA_DIR ?? join(repositoryRoot(), '.data'), 'postgres');
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port, log });
  const url = databaseOn(embedded.serverUrl, 'ngohub');
  return {
    env: { ...env, DATABASE_URL: url },
    description: `embedded PostgreSQL on 127.0.0.1:${port}, data in ${dataDir}`,
    stop: () => embedded.stop(),
  };
}
