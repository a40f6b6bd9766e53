import type { Logger } from 'pino';
import { migrate } from './orm';
import { openSubgraphOrm, type SubgraphDefinition } from './subgraph';
import { createTestDatabase } from './testing';

/**
 * Writes a new migration into the subgraph's migrations/ folder for the difference between its
 * entities and its existing migrations, computed against a scratch database that is dropped after.
 */
export async function createMigration(definition: SubgraphDefinition, name: string | undefined, log: Logger): Promise<void> {
  const scratch = await createTestDatabase(`ngohub_migration_${definition.name}`);
  const orm = await openSubgraphOrm(definition, scratch.url);
  try {
    await migrate(orm);
    const migrator = orm.getMigrator();
    const initial = (await migrator.getExecutedMigrations()).length === 0;
    const result = await migrator.createMigration(undefined, false, initial, name);
    if (!result.fileName) {
      log.info('entities match the migrations; nothing to write');
      return;
    }
    log.info({ file: result.fileName, statements: result.diff.up.length }, 'migration written; review it before committing');
  } finally {
    await orm.close();
    await scratch.drop();
  }
}
