import { Embedded, Check, Entity, Enum, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/postgresql';
import { Provenance, PROVENANCE_FIELD_DESCRIPTION, CauseArea, ExactNumericType, newId, CreatedAt, UpdatedAt } from '@ngo-hub/kit/model';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum FundingKind {
  GRANT = 'GRANT',
  GOVERNMENT_PURCHASE_OF_SERVICES = 'GOVERNMENT_PURCHASE_OF_SERVICES',
  VENTURE_PHILANTHROPY = 'VENTURE_PHILANTHROPY',
  AWARD = 'AWARD',
  DONATION = 'DONATION',
}
registerEnumType(FundingKind, {
  name: 'FundingKind',
  description: 'How a funding programme gives its money.',
  valuesConfig: {
    GRANT: { description: 'Grants from a foundation or other funder.' },
    GOVERNMENT_PURCHASE_OF_SERVICES: { description: 'Government purchase of social services (政府购买服务) from NGOs, by contract.' },
    VENTURE_PHILANTHROPY: { description: 'Venture philanthropy (公益创投): funding with capacity building for young NGOs.' },
    AWARD: { description: "A prize or award for an organization's work." },
    DONATION: { description: 'Donations, in money or in kind.' },
  },
});

@Entity({ tableName: 'funding_programme' })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['funderOrganizationId'] })
@Index({ properties: ['year', 'id'] })
@Unique({ properties: ['funderOrganizationId', 'code'] })
@Check({ name: 'funding_programme_planned_projects_check', expression: 'planned_projects is null or planned_projects > 0' })
@Check({
  name: 'funding_programme_budget_check',
  expression: '(budget_amount is null) = (budget_currency is null) and (budget_amount is null or budget_amount > 0)',
})
@ObjectType({
  description: 'A funding programme run by a funder organization: a grant scheme, a government purchase of services, a venture philanthropy round, an award.',
})
export class FundingProgramme {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable id of the programme.' })
  id: string = newId();

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, e.g. "Chengdu 2012 Government Purchase of Social Services".' })
  name: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Name in Chinese, e.g. 成都市2012年政府购买社会服务.' })
  nameZh?: string;

  @Enum({ items: () => FundingKind })
  @Field(() => FundingKind, { description: 'How the programme gives its money.' })
  kind: FundingKind;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The year the programme runs (or its round), e.g. 2012.' })
  year: number;

  @Property({ type: 'uuid' })
  funderOrganizationId: string;

  @Property({ type: ExactNumericType, nullable: true })
  budgetAmount?: string;

  @Property({ type: 'string', columnType: 'char(3)', nullable: true })
  budgetCurrency?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the programme funds and how, in English.' })
  description?: string;

  @Enum({ items: () => CauseArea, array: true, default: [] })
  @Field(() => [CauseArea], { description: 'The causes the programme funds.' })
  causeAreas: Opt<CauseArea[]> = [];

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'How many projects the programme set out to fund, when announced (Chengdu 2012: 59).' })
  plannedProjects?: number;

  /** 360Giving's grantProgramme code (its title when the publisher gives no code): how an import finds the programme again. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The funder's code for the programme, as 360Giving's grantProgramme.code; unique per funder." })
  code?: string;

  @CreatedAt()
  createdAt!: Opt<Date>;

  @UpdatedAt()
  updatedAt!: Opt<Date>;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
