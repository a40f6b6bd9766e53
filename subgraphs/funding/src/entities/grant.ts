import { Embedded, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/postgresql';
import { Provenance, PROVENANCE_FIELD_DESCRIPTION, Bigrams, CauseArea, ExactNumericType, newId, ENTITY_DESCRIPTIONS } from '@ngo-hub/kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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
@Index({ properties: ['recipientOrganizationId', 'awardDate', 'id'] })
@Index({ properties: ['fundingOrganizationId', 'awardDate', 'id'] })
@Index({ properties: ['programme', 'awardDate', 'id'] })
@Index({ properties: ['awardDate', 'id'] })
// A trigram index (pg_trgm) serves the case-insensitive `search` filter on titles (ILIKE) from three characters on; two-character searches use the bigram column.
@Index({ name: 'grant_title_trgm_index', expression: 'create index "grant_title_trgm_index" on "funding"."grant" using gin ("title" public.gin_trgm_ops)' })
@Check({ name: 'grant_amount_positive_check', expression: 'amount > 0' })
@Check({ name: 'grant_lot_needs_programme_check', expression: 'lot_id is null or programme_id is not null' })
@Check({ name: 'grant_planned_dates_check', expression: 'planned_end_date is null or planned_start_date is null or planned_end_date >= planned_start_date' })
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

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
