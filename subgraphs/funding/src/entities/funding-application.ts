import { Check, Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/postgresql';
import { DateTimeScalar, ExactNumericType, newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { FundingProgramme } from './funding-programme';
import { Grant } from './grant';

export enum FundingApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  AWARDED = 'AWARDED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(FundingApplicationStatus, {
  name: 'FundingApplicationStatus',
  description:
    'Where an application to a funding programme stands: SUBMITTED → UNDER_REVIEW → AWARDED or DECLINED; the applicant may withdraw it before a decision.',
  valuesConfig: {
    SUBMITTED: { description: 'Sent to the funder, not yet reviewed.' },
    UNDER_REVIEW: { description: 'The funder is reviewing it.' },
    AWARDED: { description: 'Awarded: the grant was created with the decision.' },
    DECLINED: { description: 'The funder decided not to fund it.' },
    WITHDRAWN: { description: 'Withdrawn by the applicant before a decision.' },
  },
});

@Entity({ tableName: 'funding_application' })
@Index({ properties: ['programme', 'submittedAt', 'id'] })
@Index({ properties: ['applicantOrganizationId', 'submittedAt', 'id'] })
@Check({ name: 'funding_application_requested_positive_check', expression: 'requested_amount > 0' })
@Check({ name: 'funding_application_grant_when_awarded_check', expression: "(status = 'AWARDED') = (grant_id is not null)" })
@ObjectType({ description: "An organization's application to a funding programme, with the amount it asks for; awarding it creates the grant." })
export class FundingApplication {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable id of the application.' })
  id: string = newId();

  @ManyToOne(() => FundingProgramme, { ref: true, deleteRule: 'restrict' })
  programme: Ref<FundingProgramme>;

  @Property({ type: 'uuid' })
  applicantOrganizationId: string;

  @Property({ type: 'text' })
  @Field({ description: 'Title of the proposed project.' })
  title: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the applicant proposes to do with the money.' })
  description?: string;

  @Property({ type: ExactNumericType })
  requestedAmount: string;

  @Property({ type: 'string', columnType: 'char(3)' })
  requestedCurrency: string;

  @Enum({ items: () => FundingApplicationStatus })
  @Field(() => FundingApplicationStatus, { description: 'Where the application stands.' })
  status: Opt<FundingApplicationStatus> = FundingApplicationStatus.SUBMITTED;

  @OneToOne(() => Grant, { nullable: true, ref: true, owner: true, deleteRule: 'restrict' })
  grant?: Ref<Grant>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The funder's reason when it declined, or the applicant's when it withdrew." })
  decisionNote?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the application was submitted.' })
  submittedAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was awarded, declined or withdrawn.' })
  decidedAt?: Date;
}
