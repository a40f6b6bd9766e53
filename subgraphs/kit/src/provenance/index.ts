export * from './provenance';
export * from './provenance-of';
export * from './seed-sources';
export * from './api-provenance';
export * from './writer-scope';
