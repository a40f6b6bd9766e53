import { Embeddable, Enum, Property } from '@mikro-orm/postgresql';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/** How a record came into the hub. */
export enum ProvenanceKind {
  SEED = 'SEED',
  IMPORT = 'IMPORT',
  API = 'API',
  UNRECORDED = 'UNRECORDED',
}
registerEnumType(ProvenanceKind, {
  name: 'ProvenanceKind',
  description: 'How a record came into the hub.',
  valuesConfig: {
    SEED: { description: 'Loaded with the seed sector: `source*` names the article it states, unless `illustrative`.' },
    IMPORT: { description: 'Imported from a published file (360Giving): `source*` names the publisher, the file and its dates.' },
    API: { description: "Written through the API: `recordedBy*` says which organization's key or which person wrote it." },
    UNRECORDED: { description: 'Written before the hub recorded provenance; where it came from is not known.' },
  },
});

/**
 * Where a record comes from: the seed's source article, a 360Giving file, or a write through the
 * API, and whether the record is illustrative (invented to make the seed sector usable; it states
 * nothing about any real person or organization). Kept in `provenance_*` columns of the record's row.
 */
@Embeddable()
@Directive('@shareable')
@ObjectType({
  description:
    "Where a record comes from (the seed's source article, a 360Giving import, or the API) and whether it is illustrative. " +
    'Analysts can leave illustrative records out with the `illustrative: false` filter of the lists.',
})
export class Provenance {
  @Enum({ items: () => ProvenanceKind, default: ProvenanceKind.UNRECORDED })
  @Field(() => ProvenanceKind, { description: 'Seed, import, API, or unrecorded (written before provenance was kept).' })
  kind: ProvenanceKind = ProvenanceKind.UNRECORDED;

  @Property({ type: 'boolean', default: false })
  @Field({
    description:
      'True for a record invented to make the seed sector usable (a fictional person, organization, grant, course or enrollment): it states nothing about the real world.',
  })
  illustrative: boolean = false;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the source says about the record, or what is invented about it.' })
  note?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SEED: the title of the source article. IMPORT: the title of the 360Giving file or dataset.' })
  sourceTitle?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SEED: the author(s) of the source article.' })
  sourceAuthor?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Who published the source: China Development Brief for the seed, the 360Giving publisher for an import.',
  })
  sourcePublisher?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SEED: the issue of the publication, e.g. "No. 56, Winter 2012".' })
  sourceIssue?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'When the source was published, as precisely as it says (e.g. "2012-12", "Winter 2012", or a date).' })
  sourcePublished?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'IMPORT: the file (name or URL) the record was imported from.' })
  sourceFile?: string | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: "IMPORT: the record's `dateModified` in the imported file." })
  sourceModifiedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the hub recorded it: the seed revision, the import, or the API write.' })
  recordedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'API: the organization whose API key wrote the record (or, for a signed-in person, null).' })
  recordedByOrganizationId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'API: the person (signed in) who wrote the record.' })
  recordedByPersonId?: string | null;
}

/** The description of every record's `provenance` field. */
export const PROVENANCE_FIELD_DESCRIPTION =
  "Where this record comes from (the seed's source article, a 360Giving import, or the API) and whether it is illustrative (invented, stating nothing about the real world).";

/** The description of every list filter's `illustrative` field. */
export const ILLUSTRATIVE_FILTER_DESCRIPTION =
  'false: only records from a source (leaves out the illustrative ones the seed invented); true: only illustrative records.';

/** The condition of a list filter's `illustrative` field on an entity with `provenance`; none when not given. */
export function illustrativeCondition(illustrative: boolean | null | undefined): { provenance: { illustrative: boolean } }[] {
  return typeof illustrative === 'boolean' ? [{ provenance: { illustrative } }] : [];
}
