/**
 * What entity classes need from the kit, without the server: ids, scalars, money's column type,
 * provenance, timestamps, vocabularies and the `@Auth` field decorator. Entities import
 * `@ngo-hub/kit/model`; the barrel `@ngo-hub/kit` loads the whole server (ORM bootstrap, HTTP,
 * processes, events), which an entity that needs `newId` should not pull in.
 */
import 'reflect-metadata';

export * from './ids';
export * from './scalars';
export * from './orm-types';
export { Money } from './money';
export * from './provenance/provenance';
export * from './sync/timestamps';
export * from './vocabulary/cause-area';
export * from './vocabulary/organization-kind';
export * from './vocabulary/entities';
export * from './auth/auth-rule';
export * from './auth/auth.decorator';
export { CACHE_MAX_AGE, CacheControl } from './cache-hints';
export { MY_DATA_DESCRIPTION } from './privacy/my-data';
export { Bigrams } from './text-search';
export type { HubContext } from './context';
