import type { SubgraphName } from '../config';
import { runSubgraphCommand } from '../processes';

/**
 * A subgraph's `prepare` (migrations, then the first-start seed) on a test run's database, once
 * per run: a workspace's test files run one after another in one process, and each used to
 * prepare the same neighbour on the same database again, in a process of its own (training's nine
 * files ran it nineteen times). Keyed by the database, so a file with a database of its own still
 * prepares it.
 */
export async function prepareOnce(name: SubgraphName, env: NodeJS.ProcessEnv): Promise<void> {
  const marker = `NGOHUB_TEST_PREPARED_${name.toUpperCase()}`;
  if (env.DATABASE_URL && process.env[marker] === env.DATABASE_URL) return;
  await runSubgraphCommand(name, 'prepare', env);
  if (env.DATABASE_URL) process.env[marker] = env.DATABASE_URL;
}
