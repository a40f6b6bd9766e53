import type { SubgraphName } from '../config';
import { freePort, startSubgraphProcess, type ChildService } from '../processes';

/**
 * Starts a neighbour subgraph's server process on a free port. It prepares the database first
 * (migrations, then the first-start seed), in the same process, once per run: a workspace's test
 * files run one after another in one process, and each used to prepare the same neighbour on the
 * same database again, in a process of its own (training's nine files ran it nineteen times).
 * Keyed by the database, so a neighbour on a database of its own still prepares it.
 */
export async function startPreparedOnce(name: SubgraphName, env: NodeJS.ProcessEnv): Promise<ChildService> {
  const marker = `NGOHUB_TEST_PREPARED_${name.toUpperCase()}`;
  const prepare = !env.DATABASE_URL || process.env[marker] !== env.DATABASE_URL;
  const service = await startSubgraphProcess(name, await freePort(), env, 'inherit', { prepare });
  if (env.DATABASE_URL) process.env[marker] = env.DATABASE_URL;
  return service;
}
