import { MoneyInput } from '@ngo-hub/kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: "A payment against a grant. With the grant's earlier disbursements it must not exceed the amount awarded." })
export class RecordDisbursementInput {
  @Field(() => ID, { description: 'The grant paid; it must be AWARDED or ACTIVE.' })
  grantId: string;

  @Field(() => MoneyInput, { description: "Amount paid, greater than zero, in the grant's currency." })
  amount: MoneyInput;

  @Field(() => Date, { description: 'Date the money was paid: not before the award date, not in the future.' })
  date: string;

  @Field(() => String, { nullable: true, description: 'What the payment is, e.g. "first instalment (50%)".' })
  note?: string | null;
}
