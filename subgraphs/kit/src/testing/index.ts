// Test helpers. The database and HTTP helpers load no ORM, so a jest globalSetup may import them.
export * from './database';
export * from './http';
export * from './identities';
export * from './subgraph';
export * from './schema-drift';
export * from './prepare-once';
export * from './shared-neighbours';
