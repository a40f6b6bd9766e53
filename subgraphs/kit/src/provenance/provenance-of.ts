import type { Identity } from '../auth/identity';
import { Provenance, ProvenanceKind } from './provenance';

/**
 * The provenance of a record written through the API by `identity`, now: an API key's
 * organization, or the signed-in person. Set it when a mutation creates a record.
 */
export function apiProvenance(identity: Identity, at: Date = new Date()): Provenance {
  const byKey = identity.kind === 'caller' && identity.apiKeyId !== null;
  return Object.assign(new Provenance(), {
    kind: ProvenanceKind.API,
    recordedAt: at,
    recordedByOrganizationId: byKey ? (identity.memberships[0]?.organizationId ?? null) : null,
    recordedByPersonId: identity.kind === 'caller' ? identity.personId : null,
    note: identity.kind === 'service' ? `Written by the hub's ${identity.service} service.` : null,
  });
}

/** What an importer knows about the file a record came from. */
export interface ImportSource {
  /** The 360Giving publisher (e.g. the funder's name in the file's `publisher`). */
  publisher: string;
  /** File name or URL. */
  file: string;
  /** The dataset's title, if it has one. */
  title?: string | null;
  /** When the file was published or issued (as precise as known). */
  published?: string | null;
  /** The record's `dateModified` in the file. */
  modifiedAt?: Date | null;
  /** When this import ran. */
  importedAt: Date;
}

/** The provenance of a record imported from a 360Giving file. */
export function importProvenance(source: ImportSource): Provenance {
  return Object.assign(new Provenance(), {
    kind: ProvenanceKind.IMPORT,
    sourcePublisher: source.publisher,
    sourceFile: source.file,
    sourceTitle: source.title ?? null,
    sourcePublished: source.published ?? null,
    sourceModifiedAt: source.modifiedAt ?? null,
    recordedAt: source.importedAt,
  });
}
