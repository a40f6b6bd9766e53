import '@ngo-hub/kit/compile-cache';
import {
  ConfigError,
  createLogger,
  DEFAULT_PORTS,
  DEVELOPMENT_JWT_SECRET,
  hubConnectionFile,
  hubMode,
  removeHubConnection,
  SUBGRAPHS,
  writeHubConnection,
  type HubMode,
  type SubgraphName,
} from '@ngo-hub/kit/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadAuthConfig } from '../auth/auth-config';
import { hubDatabase } from './database';
import { startHub, type RunningHub } from './hub';

/** Ports from GATEWAY_PORT (or PORT) and ORGANIZATIONS_PORT, PEOPLE_PORT, ...; defaults 4000–4004. */
function portsFrom(env: NodeJS.ProcessEnv): Record<SubgraphName | 'gateway', number> {
  const port = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);
  return {
    gateway: port(env.GATEWAY_PORT ?? env.PORT, DEFAULT_PORTS.gateway),
    ...(Object.fromEntries(SUBGRAPHS.map((name) => [name, port(env[`${name.toUpperCase()}_PORT`], DEFAULT_PORTS[name])])) as Record<SubgraphName, number>),
  };
}

/**
 * The credentials the hub's processes get. Development: JWTs signed with a documented secret
 * (see README, "Authentication") unless JWT_SECRET or JWKS_URL is set, and an admin API key made
 * up for this run and printed. Production: only what the environment gives, checked before
 * anything starts (a GATEWAY_SECRET and a JWT_SECRET or JWKS_URL of its own, else exit code 2).
 */
function credentialsFor(mode: HubMode, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (mode === 'production') {
    loadAuthConfig(env);
    return {};
  }
  const jwt = env.JWT_SECRET || env.JWKS_URL ? {} : { JWT_SECRET: DEVELOPMENT_JWT_SECRET };
  return { ...jwt, HUB_ADMIN_API_KEY: env.HUB_ADMIN_API_KEY ?? `ngo_${randomBytes(20).toString('hex')}` };
}

/** `npm start`: the database (embedded unless DATABASE_URL is set), four subgraphs and the gateway. */
async function main(): Promise<void> {
  const log = createLogger('hub', process.env.LOG_LEVEL ?? 'info');
  const mode = hubMode(process.env);
  const credentials = credentialsFor(mode, process.env);
  const database = await hubDatabase(process.env, log);
  log.info(`database: ${database.description}`);
  let hub: RunningHub | undefined;
  let stopping = false;
  const connectionFile = hubConnectionFile(process.env);
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping the hub');
    removeHubConnection(connectionFile);
    await hub?.stop();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // a closed terminal stops the hub (the gateway alone would take SIGHUP as "reload the supergraph")
  process.on('SIGHUP', () => void stop('SIGHUP'));
  try {
    hub = await startHub({
      ports: portsFrom(process.env),
      env: { ...database.env, ...credentials, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', GATEWAY_HOST: process.env.HOST ?? '127.0.0.1' },
    });
  } catch (error) {
    log.error({ err: error }, 'the hub did not start');
    await database.stop();
    process.exit(1);
  }
  // the 360Giving import and export find the hub's database and GATEWAY_SECRET here (owner-only file, removed on stop)
  mkdirSync(dirname(connectionFile), { recursive: true });
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, hub!.subgraphs[name].url]));
  writeHubConnection(connectionFile, hub.gatewayUrl, { ...database.env, ...subgraphUrls, GATEWAY_SECRET: hub.gatewaySecret });
  const base = hub.gatewayUrl.replace(/\/graphql$/, '');
  const adminKey = process.env.HUB_ADMIN_API_KEY ? '(HUB_ADMIN_API_KEY)' : (credentials.HUB_ADMIN_API_KEY ?? '(none: set HUB_ADMIN_API_KEY)');
  const warning =
    credentials.JWT_SECRET === DEVELOPMENT_JWT_SECRET
      ? `  Development mode: JWTs are checked with the development secret published in the README (JWT_SECRET is not set);\n  anyone can sign one. Production (HUB_MODE=production) refuses to start without real secrets.\n`
      : '';
  process.stdout.write(
    `\nNGO Hub is running (${mode}).\n  GraphiQL:  ${base}/\n  GraphQL:   ${hub.gatewayUrl}\n  Admin API key for this run (header x-api-key): ${adminKey}\n${warning}Press Ctrl-C to stop.\n\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`hub: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
