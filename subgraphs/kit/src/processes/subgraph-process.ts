import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { SubgraphName } from '../config';

export interface ChildService {
  name: string;
  url: string;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * A child's environment: the parent's, without what ts-jest sets for its own process (with
 * TS_JEST set, MikroORM in the child would look for TypeScript migrations).
 */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { TS_JEST: _tsJest, ...rest } = env;
  return rest;
}

/** Preloaded into every service process; starts OpenTelemetry when an OTLP endpoint is set. */
const TRACING = join(__dirname, '..', 'tracing', 'register.js');

/** The compiled entry point of a workspace package (its dist/…/main.js). */
export function entryPointOf(packageName: string, main: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), main);
}

export function subgraphEntryPoint(name: SubgraphName): string {
  return entryPointOf(`@ngo-hub/${name}`, 'dist/src/main.js');
}

/** Runs a subgraph command (migrate, seed, prepare) to completion in its own process. */
export function runSubgraphCommand(name: SubgraphName, command: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', TRACING, subgraphEntryPoint(name), command], {
      env: childEnv(env),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} ${command} exited with code ${code}`))));
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before it was ready`);
    try {
      // the probe's connection is closed with its answer, and the answer read: no idle socket of
      // the probe's is left for the caller's next request to the service to find stale
      const response = await fetch(url, { headers: { connection: 'close' }, signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * How long a service may take to answer /healthz: a start costs about 2 CPU-s, and on two cores
 * shared with a full test run and a host taking CPU back, one took over 30 s (3 December 2026).
 * A process that exits is reported at once, whatever this says.
 */
const STARTING_TIMEOUT_MS = 90_000;

/** Starts a long-running service process and waits until its /healthz answers. */
export async function startService(options: {
  name: string;
  entryPoint: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  host?: string;
  stdio?: 'inherit' | 'ignore' | 'pipe';
  timeoutMs?: number;
}): Promise<ChildService> {
  const host = options.host ?? '127.0.0.1';
  const child = spawn(process.execPath, ['--require', TRACING, options.entryPoint, ...(options.args ?? [])], {
    env: { ...childEnv(options.env), OTEL_SERVICE_NAME: `ngohub-${options.name}`, PORT: String(options.port), HOST: host },
    stdio: ['ignore', options.stdio ?? 'inherit', options.stdio ?? 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilHealthy(`http://${host}:${options.port}/healthz`, child, options.timeoutMs ?? STARTING_TIMEOUT_MS);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${options.name} did not start: ${(error as Error).message}`, { cause: error });
  }
  return {
    name: options.name,
    url: `http://${host}:${options.port}/graphql`,
    child,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** How long a subgraph that prepares its database first (migrations, a first seed) may take to answer. */
const PREPARING_TIMEOUT_MS = 120_000;

/**
 * Starts one subgraph's server process; with `prepare`, the process migrates (and seeds on a first
 * start) before it serves, which spares a process start of its own for `prepare`.
 */
export function startSubgraphProcess(
  name: SubgraphName,
  port: number,
  env: NodeJS.ProcessEnv,
  stdio: 'inherit' | 'ignore' | 'pipe' = 'inherit',
  { prepare = false }: { prepare?: boolean } = {},
): Promise<ChildService> {
  return startService({
    name,
    entryPoint: subgraphEntryPoint(name),
    args: prepare ? ['serve', '--prepare'] : ['serve'],
    env,
    port,
    stdio,
    timeoutMs: prepare ? PREPARING_TIMEOUT_MS : undefined,
  });
}
