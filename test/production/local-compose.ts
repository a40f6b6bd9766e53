import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { defaultServices, serviceEnvironment, type ComposeFile, type ComposeService } from './compose';
import type { ImageRecipe } from './dockerfile';

/**
 * docker-compose.yml's services run as plain processes of this machine, from a production build
 * of the image (`root` stands for the image's WORKDIR). What Docker would provide is replaced as
 * little as possible:
 * - the network: a service name and container port (`organizations:4001`) becomes a local
 *   address; `ports` below says which (PORT is set to the port the process gets);
 * - services run from a public image (PostgreSQL, Redis) are the machine's own, at `ports`;
 * - a PostgreSQL database named in a URL is renamed (`databases`), one fresh database per run.
 * Everything else (command, entrypoint, environment, health checks, start order) is the file's.
 */
export interface LocalCompose {
  compose: ComposeFile;
  recipe: ImageRecipe;
  /** The production build standing for the image's WORKDIR. */
  root: string;
  /** `service:containerPort` → `host:port` on this machine. */
  addresses: Record<string, string>;
  /** database name in compose's URLs → database on this machine. */
  databases: Record<string, string>;
  /** Added to a service's environment (e.g. a Redis key prefix of this run). */
  extraEnv?: (service: string) => Record<string, string>;
}

export interface RunningService {
  name: string;
  port?: number;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Replaces `service:port` in URLs with this machine's address, and renames databases. */
function rewrite(value: string, local: LocalCompose): string {
  let result = value;
  for (const [from, to] of Object.entries(local.addresses)) result = result.replaceAll(`//${from}`, `//${to}`).replaceAll(`@${from}`, `@${to}`);
  for (const [from, to] of Object.entries(local.databases)) result = result.replace(new RegExp(`^(postgres(?:ql)?://[^/]+)/${from}(?=$|\\?)`), `$1/${to}`);
  // the image's WORKDIR where a path starts (`/hub/…`), not a folder of that name inside a path
  return result.replace(new RegExp(`(^|[\\s=:'"])${local.recipe.workdir}(?=/|$)`, 'g'), `$1${local.root}`);
}

/** The environment a service's container starts with: the image's ENV, then compose's `environment`. */
export function containerEnvironment(name: string, local: LocalCompose): Record<string, string> {
  const service = local.compose.services[name];
  const env: Record<string, string> = {
    PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
    HOME: local.root,
    ...local.recipe.env(service.build?.args ?? {}),
    ...serviceEnvironment(service),
    ...local.extraEnv?.(name),
  };
  for (const key of Object.keys(env)) env[key] = rewrite(env[key], local);
  const port = env.PORT && local.addresses[`${name}:${env.PORT}`];
  if (port) env.PORT = port.split(':')[1];
  return env;
}

/** What the container runs: entrypoint + command, else the image's CMD. */
function containerCommand(service: ComposeService, local: LocalCompose, args?: string[]): string[] {
  const command = args ?? service.command ?? (service.entrypoint ? [] : local.recipe.cmd);
  return [...(service.entrypoint ?? []), ...command].map((arg) => rewrite(arg, local));
}

/** Starts one service's container process (`args` as with `docker compose run SERVICE ARGS…`). */
export function runService(name: string, local: LocalCompose, args?: string[]): RunningService {
  const service = local.compose.services[name];
  if (!service.build) throw new Error(`${name} runs the image ${service.image}, not the hub's`);
  const env = containerEnvironment(name, local);
  const [program, ...rest] = containerCommand(service, local, args);
  const child = spawn(program, rest, { cwd: local.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, port: env.PORT ? Number(env.PORT) : undefined, child, output: () => chunks.join(''), exited };
}

/** Runs the service's own health check (`healthcheck.test`, CMD form) in its environment; true when it exits 0. */
export function healthy(name: string, local: LocalCompose): Promise<boolean> {
  const test = local.compose.services[name].healthcheck?.test;
  if (!test || test[0] !== 'CMD') throw new Error(`${name}: a health check in CMD form is expected`);
  const child = spawn(test[1], test.slice(2), { cwd: local.root, env: containerEnvironment(name, local), stdio: 'ignore' });
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code === 0));
    child.once('error', () => resolve(false));
  });
}

async function waitUntil(what: string, check: () => Promise<boolean>, service: RunningService | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (service && service.child.exitCode !== null) throw new Error(`${what}: exited with ${service.child.exitCode}\n${service.output().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${service?.output().slice(-4000) ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Services in an order where each comes after what it depends on. */
function startOrder(compose: ComposeFile, names: string[]): string[] {
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    for (const dependency of Object.keys(compose.services[name].depends_on ?? {})) visit(dependency);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered;
}

/**
 * `docker compose up`: every default service in dependency order, each started once its
 * dependencies meet their condition (healthy by their own health check, or completed with exit
 * 0). Services of public images are the machine's, taken as healthy.
 */
export async function composeUp(local: LocalCompose, timeoutMs = 180_000): Promise<Map<string, RunningService>> {
  const running = new Map<string, RunningService>();
  try {
    for (const name of startOrder(local.compose, defaultServices(local.compose))) {
      const service = local.compose.services[name];
      if (!service.build) continue;
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const started = running.get(dependency);
        if (!started) continue; // the machine's PostgreSQL or Redis
        if (condition === 'service_completed_successfully') {
          const code = await started.exited;
          if (code !== 0) throw new Error(`${dependency} exited with ${code}\n${started.output().slice(-4000)}`);
        } else if (condition === 'service_healthy') {
          await waitUntil(`${dependency} healthy`, () => healthy(dependency, local), started, timeoutMs);
        }
      }
      running.set(name, runService(name, local));
    }
    for (const [name, service] of running) {
      if (local.compose.services[name].healthcheck) await waitUntil(`${name} healthy`, () => healthy(name, local), service, timeoutMs);
    }
    return running;
  } catch (error) {
    await composeDown(running);
    throw error;
  }
}

/** `docker compose down`: SIGTERM (what `docker stop` sends), SIGKILL after 15 s. */
export async function composeDown(running: Map<string, RunningService>): Promise<void> {
  await Promise.all(
    [...running.values()].map(async (service) => {
      if (service.child.exitCode !== null || service.child.signalCode !== null) return;
      const timer = setTimeout(() => service.child.kill('SIGKILL'), 15_000);
      service.child.kill('SIGTERM');
      await service.exited;
      clearTimeout(timer);
    }),
  );
}
