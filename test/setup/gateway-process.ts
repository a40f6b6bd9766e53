import { SUBGRAPHS } from '@ngo-hub/kit/config';
import { entryPointOf, freePort, startService, type ChildService } from '@ngo-hub/kit/processes';
import { subgraphUrl } from './hub';

/**
 * Starts a gateway process of its own with `env` (e.g. production mode, a low rate limit), in
 * front of the subgraphs the global setup started (on `port`, e.g. to restart one, else a free
 * port); stop it in afterAll.
 *
 * It delivers no webhooks unless `env` says WEBHOOK_DELIVERY=on, as the shared hub's gateway: one
 * gateway per database delivers them, and a file's gateway that took that turn would deliver what
 * other files registered and fetch their payloads from the shared subgraphs in the background
 * (a cache hit on such a gateway once counted two fetches it never asked for).
 */
export async function startGatewayProcess(env: Record<string, string>, port?: number): Promise<ChildService> {
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrl(name)]));
  return startService({
    name: 'gateway',
    entryPoint: entryPointOf('@ngo-hub/gateway', 'dist/main.js'),
    env: { ...process.env, LOG_LEVEL: 'error', WEBHOOK_DELIVERY: 'off', ...urls, ...env },
    port: port ?? (await freePort()),
    stdio: 'inherit',
  });
}
