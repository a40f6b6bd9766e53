import { Embedded, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/postgresql';
import {
  Provenance,
  PROVENANCE_FIELD_DESCRIPTION,
  Bigrams,
  CauseArea,
  DateTimeScalar,
  ExactNumericType,
  newId,
  ENTITY_DESCRIPTIONS,
  CreatedAt,
  UpdatedAt,
  CacheControl,
  CACHE_MAX_AGE,
} from '@ngo-hub/kit/model';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FundingProgramme } from './funding-programme';
import { FundingProgrammeLot } from './funding-programme-lot';

export enum GrantStatus {
  PROPOSED = 'PROPOSED',
  AWARDED = 'AWARDED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(GrantStatus, {
  name: 'GrantStatus',
  description: 'Where a grant stands.',
  valuesConfig: {
    PROPOSED: { description: 'Recommended or under review; not yet awarded. Not counted in totals.' },
    AWARDED: { description: 'Awarded (the funder has committed the amount).' },
    ACTIVE: { description: 'The funded work is under way.' },
    COMPLETED: { description: 'The funded work is finished.' },
    CANCELLED: { description: 'Withdrawn after being proposed or awarded. Not counted in totals.' },
  },
});

/** Statuses whose amounts count as money awarded (and received). */
export const COMMITTED_STATUSES: readonly GrantStatus[] = [GrantStatus.AWARDED, GrantStatus.ACTIVE, GrantStatus.COMPLETED];

@Entity({ tableName: 'grant' })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['recipientOrganizationId', 'awardDate', 'id'] })
@Index({ properties: ['fundingOrganizationId', 'awardDate', 'id'] })
@Index({ properties: ['programme', 'awardDate', 'id'] })
@Index({ properties: ['awardDate', 'id'] })
// A trigram index (pg_trgm) serves the case-insensitive `search` filter on titles (ILIKE) from three characters on; two-character searches use the bigram column.
@Index({ name: 'grant_title_trgm_index', expression: 'create index "grant_title_trgm_index" on "funding"."grant" using gin ("title" public.gin_trgm_ops)' })
// 0 is an amount (360Giving allows it: underwriting, in-kind, a grant cancelled and republished)
@Check({ name: 'grant_amount_not_negative_check', expression: 'amount >= 0' })
@Check({ name: 'grant_published_amount_disbursed_check', expression: 'published_amount_disbursed is null or published_amount_disbursed >= 0' })
@Check({ name: 'grant_lot_needs_programme_check', expression: 'lot_id is null or programme_id is not null' })
@Check({ name: 'grant_planned_dates_check', expression: 'planned_end_date is null or planned_start_date is null or planned_end_date >= planned_start_date' })
@CacheControl({ maxAge: CACHE_MAX_AGE.directory })
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Grant.type })
export class Grant {
  /** Two-character substrings of lower(title), for two-character searches (kit text-search.ts). */
  @Bigrams('funding', 'title')
  titleBigrams?: string[];

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Grant.id })
  id: string = newId();

  @Property({ type: 'text', unique: true })
  @Field({ description: '360Giving grant identifier, unique across the hub, e.g. 360G-chengdu-2012-001.' })
  identifier: string;

  @Property({ type: 'text' })
  @Field({ description: 'Title of the grant (English, Chinese or both).' })
  title: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the grant is for.' })
  description?: string;

  @Property({ type: ExactNumericType })
  amount: string;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency: string;

  @Property({ type: 'date' })
  @Field(() => Date, { description: 'Date the grant was awarded (or, when PROPOSED, is to be).' })
  awardDate: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Planned start of the funded work.' })
  plannedStartDate?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Planned end of the funded work; never before the planned start.' })
  plannedEndDate?: string;

  @Property({ type: 'uuid' })
  recipientOrganizationId: string;

  @Property({ type: 'uuid' })
  fundingOrganizationId: string;

  @ManyToOne(() => FundingProgramme, { nullable: true, ref: true, deleteRule: 'restrict' })
  programme?: Ref<FundingProgramme>;

  @ManyToOne(() => FundingProgrammeLot, { nullable: true, ref: true, deleteRule: 'restrict' })
  lot?: Ref<FundingProgrammeLot>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where the beneficiaries are: a city or region, e.g. "Chengdu, Sichuan".' })
  beneficiaryLocation?: string;

  @Enum({ items: () => CauseArea, array: true, default: [] })
  @Field(() => [CauseArea], { description: 'What the grant is for, as 360Giving classifications.' })
  causeAreas: Opt<CauseArea[]> = [];

  @Enum({ items: () => GrantStatus })
  @Field(() => GrantStatus, { description: 'Where the grant stands; only AWARDED, ACTIVE and COMPLETED grants count in totals.' })
  status: Opt<GrantStatus> = GrantStatus.AWARDED;

  @CreatedAt()
  createdAt!: Opt<Date>;

  @UpdatedAt()
  updatedAt!: Opt<Date>;

  /** amountDisbursed as the grant's 360Giving file stated it (the hub's own disbursements are in `disbursement`). */
  @Property({ type: ExactNumericType, nullable: true })
  publishedAmountDisbursed?: string;

  /** plannedDates.0.duration of the 360Giving file: months. */
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Planned duration of the funded work in months, as its 360Giving publisher stated it (plannedDates.duration).',
  })
  plannedDuration?: number;

  /** dateModified of the 360Giving file: when its publisher last changed the grant. */
  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the grant's 360Giving publisher last changed it (dateModified); null for grants made on the hub.",
  })
  dateModified?: Date;

  /**
   * What the 360Giving file said that has no column of its own, as JSON text with numbers as
   * written: recipientOrganization and fundingOrganization (addresses, numbers, url),
   * grantProgramme, beneficiaryLocation, classifications and the grant's other fields
   * (amountAppliedFor, actualDates, fromOpenCall, dataSource, …). The export writes it back.
   */
  @Property({ type: 'text', nullable: true })
  published?: string;

  /** additional_data of the 360Giving file, verbatim JSON text. */
  @Property({ type: 'text', nullable: true })
  additionalData?: string;

  /** Hash of the grant as last imported: a re-import updates the grant only when it differs. */
  @Property({ type: 'text', nullable: true })
  contentHash?: string;

  /** The 360Giving publisher prefix of the grant's id, e.g. 360G-EFF. */
  @Property({ type: 'text', nullable: true })
  publisherPrefix?: string;

  /** The publisher's name: the funding organization's, as the file names it. */
  @Property({ type: 'text', nullable: true })
  publisherName?: string;

  /** Name of the file the grant was last imported from. */
  @Property({ type: 'text', nullable: true })
  sourceFile?: string;

  /** When the grant was last imported (created or changed by an import). */
  @Property({ type: 'datetime', nullable: true })
  importedAt?: Date;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
