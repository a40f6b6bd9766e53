import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/postgresql';
import { DateTimeScalar, ExactNumericType, newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { Grant } from './grant';

@Entity({ tableName: 'disbursement' })
@Index({ properties: ['grant', 'date', 'id'] })
@Check({ name: 'disbursement_amount_positive_check', expression: 'amount > 0' })
@ObjectType({ description: "A payment made against a grant, in the grant's currency. A grant's disbursements never add up to more than its amount awarded." })
export class Disbursement {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable id of the disbursement.' })
  id: string = newId();

  @ManyToOne(() => Grant, { ref: true, deleteRule: 'restrict' })
  grant: Ref<Grant>;

  @Property({ type: ExactNumericType })
  amount: string;

  /** Always the grant's currency; kept on the row so sums never need the grant. */
  @Property({ type: 'string', columnType: 'char(3)' })
  currency: string;

  @Property({ type: 'date' })
  @Field(() => Date, { description: 'Date the money was paid.' })
  date: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the payment is, e.g. "first instalment (50%)".' })
  note?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the hub recorded the disbursement.' })
  createdAt: Opt<Date> = new Date();
}
