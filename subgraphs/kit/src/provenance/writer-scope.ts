import { AsyncLocalStorage } from 'node:async_hooks';
import type { Identity } from '../auth/identity';

/**
 * Who is writing in the HTTP request in progress: set once the request's context knows its
 * caller, read when the ORM creates a record (ApiProvenanceSubscriber). Apart from the
 * subscriber so that the HTTP handler, which the gateway shares, does not load the ORM.
 */
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

/** The caller of the request in progress, once its context has set it. */
export function currentWriter(): Identity | undefined {
  return writers.getStore()?.identity;
}
