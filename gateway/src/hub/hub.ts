import { ConfigError, DEFAULT_PORTS, SUBGRAPHS, type SubgraphName } from '@ngo-hub/kit/config';
import { hubMode } from '@ngo-hub/kit/hub-mode';
import { randomBytes } from 'node:crypto';
import { entryPointOf, startService, startSubgraphProcess, type ChildService } from '@ngo-hub/kit/processes';

export interface HubOptions {
  /** Environment for every process; must carry DATABASE_URL (or per-subgraph URLs). */
  env: NodeJS.ProcessEnv;
  ports?: Partial<Record<SubgraphName | 'gateway', number>>;
  stdio?: 'inherit' | 'ignore';
  /** Each subgraph's server runs its migrations (and the first-start seed) before it serves; default true. */
  prepare?: boolean;
}

export interface RunningHub {
  gatewayUrl: string;
  /** The GATEWAY_SECRET the processes share (generated for this run unless the environment set one). */
  gatewaySecret: string;
  subgraphs: Record<SubgraphName, ChildService>;
  gateway: ChildService;
  stop(): Promise<void>;
}

/**
 * The whole hub as separate processes: the four subgraph servers, each migrating (and seeding on
 * first start) before it serves, then the gateway, pointed at them.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const stdio = options.stdio ?? 'inherit';
  const prepare = options.prepare ?? true;
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]));
  // subgraphs answer only the gateway: they share a secret, generated per run in development when none is configured
  if (!options.env.GATEWAY_SECRET && hubMode(options.env) === 'production') {
    throw new ConfigError(
      'GATEWAY_SECRET is not set: production needs the secret shared by the gateway and every subgraph, given to every process (never generated at start)',
    );
  }
  const gatewaySecret = options.env.GATEWAY_SECRET ?? randomBytes(32).toString('hex');
  const env = { ...options.env, ...urls, GATEWAY_SECRET: gatewaySecret };
  const started: ChildService[] = [];
  try {
    // settled, not Promise.all: when one subgraph fails, the others may still be starting, and
    // each one that does start must be in `started` to be stopped below
    const outcomes = await Promise.allSettled(
      SUBGRAPHS.map(async (name) => {
        const service = await startSubgraphProcess(name, ports[name], env, stdio, { prepare });
        started.push(service);
        return [name, service] as const;
      }),
    );
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    const subgraphs = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<readonly [SubgraphName, ChildService]>).value);
    const gateway = await startService({
      name: 'gateway',
      entryPoint: entryPointOf('@ngo-hub/gateway', 'dist/main.js'),
      env: { ...env, HOST: options.env.GATEWAY_HOST ?? '127.0.0.1' },
      port: ports.gateway,
      host: options.env.GATEWAY_HOST,
      stdio,
    });
    started.push(gateway);
    return {
      gatewayUrl: gateway.url,
      gatewaySecret,
      gateway,
      subgraphs: Object.fromEntries(subgraphs) as Record<SubgraphName, ChildService>,
      stop: () => stopAll(started),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

/** Stops the gateway first, so no request reaches a stopped subgraph. */
async function stopAll(services: ChildService[]): Promise<void> {
  const gateway = services.filter((s) => s.name === 'gateway');
  await Promise.all(gateway.map((s) => s.stop()));
  await Promise.all(services.filter((s) => s.name !== 'gateway').map((s) => s.stop()));
}
