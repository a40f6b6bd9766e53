import { loadSubgraphConfig, ConfigError } from './config';
import { gatewaySecretProblem, refuseDevelopmentSecrets } from './hub-mode';
import { createLogger } from './logger';
import { migrateSubgraph, prepareSubgraph, schemaOf, seedSubgraph, startSubgraph, type SubgraphDefinition } from './subgraph';
import { subgraphSdl } from './federation';
import { stopOnSignals } from './shutdown';

const USAGE = 'usage: main.js [serve [--prepare] | migrate | seed | prepare | print-schema | create-migration [name]]';

/**
 * The one entry point of every subgraph process:
 * - serve: the HTTP server (default); in production only with a GATEWAY_SECRET of its own;
 *   `serve --prepare` prepares first, in the same process (the hub launcher: one process start
 *   per subgraph, not two);
 * - migrate: apply pending migrations;
 * - seed: load the seed sector (idempotent);
 * - prepare: migrate, and seed when this run created the schema (first start);
 * - print-schema: the subgraph SDL for composition;
 * - create-migration [name]: (development) write a migration for what the entities changed.
 */
export async function runSubgraphCli(definition: SubgraphDefinition, argv = process.argv.slice(2)): Promise<void> {
  const command = argv[0] ?? 'serve';
  try {
    if (command === 'print-schema') {
      process.stdout.write(subgraphSdl(await schemaOf(definition)));
      return;
    }
    const config = loadSubgraphConfig(definition.name);
    const log = createLogger(definition.name, config.logLevel);
    switch (command) {
      case 'migrate':
        await migrateSubgraph(definition, config.databaseUrl, log);
        return;
      case 'seed':
        await seedSubgraph(definition, config.databaseUrl, log);
        return;
      case 'prepare':
        await prepareSubgraph(definition, config.databaseUrl, log);
        return;
      case 'serve': {
        refuseDevelopmentSecrets(process.env, [gatewaySecretProblem(process.env)]);
        if (argv.includes('--prepare')) await prepareSubgraph(definition, config.databaseUrl, log);
        const running = await startSubgraph(definition, config, log);
        stopOnSignals(log, () => running.stop());
        return;
      }
      case 'create-migration': {
        const { createMigration } = await import('./migration-author.js');
        await createMigration(definition, argv[1], log);
        return;
      }
      default:
        throw new ConfigError(`unknown command ${JSON.stringify(command)}; ${USAGE}`);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
