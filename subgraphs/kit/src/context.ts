import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { AuditTrail } from './audit/audit-trail';
import { trackIdentityReads } from './cache-scope';
import type { Identity } from './auth/identity';
import { Loaders } from './loaders';
import { setWriter } from './provenance/writer-scope';
import type { References } from './references';

/** What every resolver of every subgraph receives. */
export interface HubContext {
  /**
   * An EntityManager forked for this request, and again for each root field of a mutation
   * (`ownUnitOfWork`): its identity map lives and dies with the request or that field.
   */
  readonly em: EntityManager;
  readonly loaders: Loaders;
  readonly requestId: string;
  readonly log: Logger;
  /** Checks that entities owned by other subgraphs exist, through those subgraphs' APIs. */
  readonly references: References;
  /** Who is asking, as the gateway signed it (anonymous, a caller, or one of the hub's services). */
  readonly identity: Identity;
  /** Who read or changed which person's data in this request; written when the response is sent. */
  readonly audit: AuditTrail;
}

export function createContext(base: { em: EntityManager; log: Logger; requestId: string; references: References; identity: Identity }): HubContext {
  setWriter(base.identity);
  const ctx: HubContext = trackIdentityReads({
    em: base.em.fork({ clear: true }),
    loaders: new Loaders(() => ctx),
    requestId: base.requestId,
    log: base.log.child({ requestId: base.requestId }),
    references: base.references,
    identity: base.identity,
    audit: new AuditTrail(base.identity, base.requestId),
  });
  return ctx;
}

/** The operations (Apollo's per-operation copies of a context) whose first root mutation field has run. */
const mutating = new WeakSet<HubContext>();

/**
 * Gives one root field of a mutation a unit of work of its own: a fresh fork of the request's
 * EntityManager and loaders that read through it. GraphQL runs a mutation's root fields one
 * after another, each with its payload, so nothing is shared between them; without this, each
 * aliased mutation of a batch (`m0: createX … m99: createX`) inherited every entity the earlier
 * ones had left in the identity map, and each flush diffed them all: a batch of k cost k².
 * The first root field keeps the request's own (nothing has used it yet). `ctx` is the
 * operation's own copy of the context (Apollo copies it per operation).
 */
export function ownUnitOfWork(ctx: HubContext): void {
  if (!mutating.has(ctx)) {
    mutating.add(ctx);
    return;
  }
  const scope = ctx as { em: EntityManager; loaders: Loaders };
  scope.em = ctx.em.fork({ clear: true });
  scope.loaders = new Loaders(() => ctx);
}
