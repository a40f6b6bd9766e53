import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/postgresql';
import { CauseArea, newId } from '@ngo-hub/kit/model';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FundingProgramme } from './funding-programme';

/**
 * Government purchase of services is tendered in lots (标段, 类别): Chengdu's 2012 purchase ran
 * five, from public employment training to community elderly care. A grant may name its lot.
 */
@Entity({ tableName: 'funding_programme_lot' })
@Unique({ properties: ['programme', 'position'] })
@Unique({ properties: ['programme', 'name'] })
@Index({ properties: ['programme', 'position', 'id'] })
@ObjectType({ description: 'A lot (category) of a funding programme, e.g. "community elderly care" in a government purchase of services.' })
export class FundingProgrammeLot {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable id of the lot.' })
  id: string = newId();

  @ManyToOne(() => FundingProgramme, { ref: true, deleteRule: 'cascade' })
  programme: Ref<FundingProgramme>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Place of the lot in the programme (1, 2, ...), as the programme lists them.' })
  position: number;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, e.g. "Community elderly care"; unique within the programme.' })
  name: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Name in Chinese, e.g. 社区养老服务.' })
  nameZh?: string;

  @Enum({ items: () => CauseArea, array: true, default: [] })
  @Field(() => [CauseArea], { description: 'The causes the lot funds.' })
  causeAreas: Opt<CauseArea[]> = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the lot buys or funds.' })
  description?: string;
}
