import { createLogger, DEFAULT_PORTS, SUBGRAPHS, type SubgraphName } from '@ngo-hub/kit';
import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET } from '../auth/development';
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
 * Development credentials when none are configured: JWTs signed with a documented secret (see
 * README, "Authentication") and an admin API key made up for this run and printed.
 */
function developmentCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const jwt = env.JWT_SECRET || env.JWKS_URL ? {} : { JWT_SECRET: DEVELOPMENT_JWT_SECRET };
  return { ...jwt, HUB_ADMIN_API_KEY: env.HUB_ADMIN_API_KEY ?? `ngo_${randomBytes(20).toString('hex')}` };
}

/** `npm start`: the database (embedded unless DATABASE_URL is set), four subgraphs and the gateway. */
async function main(): Promise<void> {
  const log = createLogger('hub', process.env.LOG_LEVEL ?? 'info');
  const database = await hubDatabase(process.env, log);
  log.info(`database: ${database.description}`);
  const credentials = developmentCredentials(process.env);
  let hub: RunningHub | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping the hub');
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
  const base = hub.gatewayUrl.replace(/\/graphql$/, '');
  const adminKey = process.env.HUB_ADMIN_API_KEY ? '(HUB_ADMIN_API_KEY)' : credentials.HUB_ADMIN_API_KEY;
  process.stdout.write(`\nNGO Hub is running.\n  GraphiQL:  ${base}/\n  GraphQL:   ${hub.gatewayUrl}\n  Admin API key for this run (header x-api-key): ${adminKey}\nPress Ctrl-C to stop.\n\n`);
}

void main();
