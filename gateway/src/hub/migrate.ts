import '@ngo-hub/kit/compile-cache';
import { createLogger, runSubgraphCommand, SUBGRAPHS } from '@ngo-hub/kit/common';
import { hubDatabase } from './database';

/** Runs subgraph commands, in order, for every subgraph on the hub's database. */
export async function runForAllSubgraphs(commands: ('migrate' | 'seed')[]): Promise<void> {
  const log = createLogger('hub', process.env.LOG_LEVEL ?? 'info');
  const database = await hubDatabase(process.env, log);
  try {
    for (const command of commands) {
      for (const [index, name] of SUBGRAPHS.entries()) {
        log.info(`${command} ${name} (${index + 1}/${SUBGRAPHS.length})`);
        await runSubgraphCommand(name, command, database.env);
      }
    }
  } finally {
    await database.stop();
  }
}

/** `npm run migrate`. */
if (require.main === module) {
  runForAllSubgraphs(['migrate']).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
