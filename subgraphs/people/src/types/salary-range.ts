import { Money } from '@ngo-hub/kit';
import { Field, ObjectType } from 'type-graphql';
import { PayPeriod } from '../entities/job-posting';

@ObjectType({ description: 'Pay offered for a position: a range in one currency, per period. Either end may be open.' })
export class SalaryRange {
  @Field(() => Money, { nullable: true, description: 'Lowest pay offered; null when only a maximum is given.' })
  min: Money | null;

  @Field(() => Money, { nullable: true, description: 'Highest pay offered; null when only a minimum is given.' })
  max: Money | null;

  @Field(() => PayPeriod, { description: 'The period the amounts are paid for.' })
  period: PayPeriod;
}
