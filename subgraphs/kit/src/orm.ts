import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ApiProvenanceSubscriber } from './provenance/api-provenance';
import { DatabaseStampSubscriber } from './sync/timestamps';

export interface OrmSettings {
  /** The subgraph's own Postgres schema; its tables and its migration table live there. */
  schema: string;
  clientUrl: string;
  entities: NonNullable<Options['entities']>;
  /** Folder of the compiled migrations (…/dist/migrations). */
  migrationsPath: string;
  /** Folder of the migration sources, where new migrations are generated (…/migrations). */
  migrationsPathTs: string;
  poolMax?: number;
  log?: Logger;
}

/** One MikroORM configuration shape for every subgraph: same driver, same rules, own schema. */
export function ormOptions(settings: OrmSettings): Options {
  return defineConfig({
    clientUrl: settings.clientUrl,
    schema: settings.schema,
    entities: settings.entities,
    extensions: [Migrator],
    // records created through the API get their provenance (kind API, who, when) here
    subscribers: [new ApiProvenanceSubscriber(), new DatabaseStampSubscriber()],
    forceUtcTimezone: true,
    allowGlobalContext: false,
    implicitTransactions: true,
    discovery: { disableDynamicFileAccess: true, warnWhenNoEntities: true },
    pool: { min: 0, max: settings.poolMax ?? 10 },
    migrations: {
      tableName: `${settings.schema}.mikro_orm_migrations`,
      path: settings.migrationsPath,
      pathTs: settings.migrationsPathTs,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
      snapshot: false,
      silent: true,
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    debug: false,
    logger: settings.log ? (message) => settings.log!.debug(message) : undefined,
  });
}

export async function openOrm(settings: OrmSettings): Promise<MikroORM> {
  return MikroORM.init(ormOptions(settings));
}

/** Applies pending migrations; `fresh` tells whether none had been applied before. */
export async function migrate(orm: MikroORM): Promise<{ applied: string[]; fresh: boolean }> {
  await orm.em.getConnection().execute(`create schema if not exists "${orm.config.get('schema')}"`);
  const migrator = orm.getMigrator();
  const fresh = (await migrator.getExecutedMigrations()).length === 0;
  const applied = await migrator.up();
  return { applied: applied.map((m) => m.name), fresh };
}
