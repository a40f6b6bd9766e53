import type { EventArgs, EventSubscriber } from '@mikro-orm/postgresql';
import { Provenance, ProvenanceKind } from './provenance';
import { apiProvenance } from './provenance-of';
import { currentWriter } from './writer-scope';

/**
 * Gives every record created through the API its provenance (kind API, which organization's key
 * or which person, when), unless the code that created it set one (the seed, an importer).
 * Registered on every subgraph's ORM, so no mutation has to remember it.
 */
export class ApiProvenanceSubscriber implements EventSubscriber {
  beforeCreate(args: EventArgs<object>): void {
    const entity = args.entity as { provenance?: unknown };
    if (!(entity.provenance instanceof Provenance) || entity.provenance.kind !== ProvenanceKind.UNRECORDED) return;
    const identity = currentWriter();
    if (identity) entity.provenance = apiProvenance(identity);
  }
}
