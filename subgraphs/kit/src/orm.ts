import type { MikroORM as AnyMikroORM } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ApiProvenanceSubscriber } from './provenance/api-provenance';
import { runUnprepared } from './sql';
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
  /** false: every statement runs unnamed, whatever `query` is asked (DATABASE_PREPARED_STATEMENTS=off) */
  preparedStatements?: boolean;
}

/**
 * MikroORM's Migrator, registered as `extensions: [Migrator]` would, but loaded on first use (a
 * migration, the readiness check): @mikro-orm/migrations brings umzug and its command line, 49 ms
 * of CPU of a subgraph start's ~550 (5 December 2026), which processes that only serve, and most
 * command-line tools, never use.
 */
const MIGRATOR_ON_FIRST_USE = {
  register(orm: AnyMikroORM): void {
    orm.config.registerExtension('@mikro-orm/migrator', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
      const migrations = require('@mikro-orm/migrations') as { Migrator: typeof Migrator };
      return new migrations.Migrator(orm.em as ConstructorParameters<typeof Migrator>[0]);
    });
  },
};

/** One MikroORM configuration shape for every subgraph: same driver, same rules, own schema. */
export function ormOptions(settings: OrmSettings): Options {
  return defineConfig({
    clientUrl: settings.clientUrl,
    schema: settings.schema,
    entities: settings.entities,
    extensions: [MIGRATOR_ON_FIRST_USE],
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
  const orm = await MikroORM.init(ormOptions(settings));
  if (settings.preparedStatements === false) runUnprepared(orm.em);
  return orm;
}

/** Applies pending migrations; `fresh` tells whether none had been applied before. */
export async function migrate(orm: MikroORM): Promise<{ applied: string[]; fresh: boolean }> {
  await orm.em.getConnection().execute(`create schema if not exists "${orm.config.get('schema')}"`);
  const migrator = orm.getMigrator();
  const fresh = (await migrator.getExecutedMigrations()).length === 0;
  const applied = await migrator.up();
  return { applied: applied.map((m) => m.name), fresh };
}
