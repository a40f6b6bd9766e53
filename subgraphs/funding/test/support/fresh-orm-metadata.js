// Jest runs each test file in a fresh module registry, but MikroORM keeps entity metadata in a
// global store that outlives it: the next file's entities would reuse the previous file's
// metadata objects (Maps from another realm) and discovery fails with "Method Map.prototype.set
// called on incompatible receiver". Start every file with an empty store.
const storage = globalThis['mikro-orm-metadata'];
if (storage) for (const key of Object.keys(storage)) delete storage[key];
