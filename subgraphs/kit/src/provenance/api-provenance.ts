import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventArgs, EventSubscriber } from '@mikro-orm/postgresql';
import type { Identity } from '../auth/identity';
import { Provenance, ProvenanceKind } from './provenance';
import { apiProvenance } from './provenance-of';

const writers = new AsyncLocalStorage<{ identity?: Identity }>();

/** Runs one HTTP request's GraphQL execution in a scope that can learn who is writing. */
export function withWriterScope<T>(run: () => T): T {
  return writers.run({}, run);
}

/** Records who is asking for the request in progress (the context does, once it knows). */
export function setWriter(identity: Identity): void {
  const scope = writers.getStore();
  if (scope) scope.identity = identity;
}

/**
 * Gives every record created through the API its provenance (kind API, which organization's key
 * or which person, when), unless the code that created it set one (the seed, an importer).
 * Registered on every subgraph's ORM, so no mutation has to remember it.
 */
export class ApiProvenanceSubscriber implements EventSubscriber {
  beforeCreate(args: EventArgs<object>): void {
    const entity = args.entity as { provenance?: unknown };
    if (!(entity.provenance instanceof Provenance) || entity.provenance.kind !== ProvenanceKind.UNRECORDED) return;
    const identity = writers.getStore()?.identity;
    if (identity) entity.provenance = apiProvenance(identity);
  }
}
