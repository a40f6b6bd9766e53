/*
 * The kit's jest globalSetup loads MikroORM in Jest's parent realm, which creates
 * globalThis['mikro-orm-metadata']; jest-environment-node hands that same object to every test
 * file, so the second file's entities meet the first file's metadata ("Map.prototype.set called
 * on incompatible receiver"). Each test file gets its own storage here, before any import.
 */
const isolated = globalThis as Record<string, unknown>;
isolated['mikro-orm-metadata'] = {};
isolated.TypeGraphQLMetadataStorage = undefined;
