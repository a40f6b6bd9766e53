import type { SubgraphName } from '../config';
import type { ChildService } from '../processes';
import { startPreparedOnce } from './prepare-once';

declare global {
  var __NGOHUB_TEST_NEIGHBOURS__: ChildService[] | undefined;
}

const urlVariable = (name: SubgraphName) => `NGOHUB_TEST_NEIGHBOUR_${name.toUpperCase()}_URL`;

/**
 * Starts the neighbour subgraphs a workspace's tests ask (real child processes, prepared on the
 * run's database) once for the whole run, from jest's globalSetup: each test file used to start
 * its own, about a CPU-second each, and the training suite's nine files started nineteen. Their
 * URLs go into the environment every test file inherits (`sharedNeighbour`).
 */
export async function startSharedNeighbours(names: readonly SubgraphName[], env: NodeJS.ProcessEnv): Promise<void> {
  const started: ChildService[] = (globalThis.__NGOHUB_TEST_NEIGHBOURS__ = []);
  // through startPreparedOnce: a file that starts its own neighbour on the run's database finds it prepared
  await Promise.all(
    names.map(async (name) => {
      const service = await startPreparedOnce(name, env);
      started.push(service);
      process.env[urlVariable(name)] = service.url;
    }),
  );
}

/** Stops what `startSharedNeighbours` started (jest's globalTeardown). */
export async function stopSharedNeighbours(): Promise<void> {
  await Promise.all((globalThis.__NGOHUB_TEST_NEIGHBOURS__ ?? []).map((service) => service.stop()));
  globalThis.__NGOHUB_TEST_NEIGHBOURS__ = undefined;
}

/**
 * The run's shared neighbour `name`, which the workspace's jest config lists
 * (`globals: { ngohubNeighbours: [...] }`). A test that stops or breaks a neighbour starts one of
 * its own instead.
 */
export function sharedNeighbour(name: SubgraphName): { url: string } {
  const url = process.env[urlVariable(name)];
  if (!url) throw new Error(`the ${name} subgraph is started by the run's globalSetup only when jest.config.js lists it in globals.ngohubNeighbours`);
  return { url };
}
