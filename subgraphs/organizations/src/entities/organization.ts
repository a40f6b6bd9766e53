import { Embedded, Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import {
  Provenance,
  PROVENANCE_FIELD_DESCRIPTION,
  Bigrams,
  CauseArea,
  newId,
  ENTITY_DESCRIPTIONS,
  OrganizationKind,
  CreatedAt,
  UpdatedAt,
  CacheControl,
  CACHE_MAX_AGE,
} from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Registration } from './registration';

/** The kind enum lives in the kit (other subgraphs filter by it); re-exported for this subgraph's code. */
export { OrganizationKind };

export enum DevelopmentStage {
  IDEA = 'IDEA',
  STARTUP = 'STARTUP',
  GROWTH = 'GROWTH',
  MATURE = 'MATURE',
}
registerEnumType(DevelopmentStage, {
  name: 'DevelopmentStage',
  description: 'How far an organization has come, as incubators assess it.',
  valuesConfig: {
    IDEA: { description: 'A team with an idea, not yet operating.' },
    STARTUP: { description: 'Operating, typically in incubation, first projects.' },
    GROWTH: { description: 'Stable programmes, growing staff and funding.' },
    MATURE: { description: 'Established, often supporting others.' },
  },
});

@Entity({ tableName: 'organization' })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['city'] })
@Index({ properties: ['kind'] })
@Index({
  name: 'organization_published_org_ids_index',
  expression: 'create index "organization_published_org_ids_index" on "organizations"."organization" using gin ("published_org_ids")',
})
// The `city` filter compares city_key (the city lower-cased); this index also gives a city's organizations in name order.
@Index({ properties: ['cityKey', 'name', 'id'] })
// Trigram indexes (pg_trgm) serve the case-insensitive `search` filter (ILIKE) from three characters on; two-character searches use the bigram columns.
@Index({
  name: 'organization_name_trgm_index',
  expression: 'create index "organization_name_trgm_index" on "organizations"."organization" using gin ("name" public.gin_trgm_ops)',
})
@Index({
  name: 'organization_name_zh_trgm_index',
  expression: 'create index "organization_name_zh_trgm_index" on "organizations"."organization" using gin ("name_zh" public.gin_trgm_ops)',
})
@CacheControl({ maxAge: CACHE_MAX_AGE.directory })
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Organization.type })
export class Organization {
  /** Two-character substrings of lower(name), for two-character searches (kit text-search.ts). */
  @Bigrams('organizations', 'name')
  nameBigrams?: string[];

  /** Two-character substrings of lower(name_zh), for two-character searches (kit text-search.ts). */
  @Bigrams('organizations', 'name_zh')
  nameZhBigrams?: string[];

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Organization.id })
  id: string = newId();

  @Property({ type: 'text' })
  @Field({ description: 'Name in English (or the name in its original language).' })
  name: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Name in Chinese, e.g. 恩派公益组织发展中心.' })
  nameZh?: string;

  @Enum({ items: () => OrganizationKind })
  @Field(() => OrganizationKind, { description: 'What kind of actor the organization is.' })
  kind: OrganizationKind;

  @Enum({ items: () => CauseArea, array: true, default: [] })
  @Field(() => [CauseArea], { description: 'The causes the organization works on.' })
  causeAreas: CauseArea[] = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'City in English, e.g. Chengdu.' })
  city?: string;

  /** `city` lower-cased ('' without a city), kept by Postgres: what the `city` filter compares (an equality an index serves, unlike ILIKE). Lazy: a filter column, never read back with the row. */
  @Property({ type: 'text', generated: "(coalesce(lower(city), '')) stored", lazy: true })
  cityKey: Opt<string>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Province or province-level municipality, e.g. Sichuan, Shanghai.' })
  province?: string;

  @Property({ type: 'text', nullable: true, default: 'CN' })
  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country code; null when not known (e.g. an organization a 360Giving file names without saying where it is).',
  })
  country?: string | null = 'CN';

  /**
   * org-id.guide identifiers the organization was published with (GB-CHC-1164859,
   * GB-COH-08049101, 360G-EFF-…), each on one organization only; CN-USCI-… comes from the
   * registration's credit code and is not stored here. See the `orgIds` field.
   */
  @Property({ type: 'string[]', columnType: 'text[]', defaultRaw: `'{}'` })
  publishedOrgIds: Opt<string[]> = [];

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the organization was founded, if known.' })
  foundedOn?: string;

  @Enum({ items: () => DevelopmentStage, nullable: true })
  @Field(() => DevelopmentStage, { nullable: true, description: 'How far the organization has come; null when not assessed.' })
  stage?: DevelopmentStage;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Website (http or https URL).' })
  website?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the organization does, in English.' })
  description?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Description in Chinese.' })
  descriptionZh?: string;

  @Embedded(() => Registration, { prefix: 'registration_' })
  @Field(() => Registration, { description: 'The current registration; its earlier states are in registrationHistory.' })
  registration: Registration = new Registration();

  @CreatedAt()
  createdAt!: Opt<Date>;

  @UpdatedAt()
  updatedAt!: Opt<Date>;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
