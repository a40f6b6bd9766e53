import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/postgresql';
import { DateTimeScalar, newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { JobPosting } from './job-posting';
import { Person } from './person';

/**
 * A person's recommendation of another person to an organization, or to one of its postings.
 * `organizationId` is always set (for a posting, the posting's organization), so an organization's
 * recommendations are found in one place.
 */
@Entity({ tableName: 'recommendation' })
@Index({ properties: ['candidate', 'createdAt', 'id'] })
@Index({ properties: ['recommender', 'createdAt', 'id'] })
@Index({ properties: ['posting', 'createdAt', 'id'] })
@Check({ name: 'recommendation_not_oneself_check', expression: 'recommender_id <> candidate_id' })
@Unique({
  name: 'recommendation_once_per_target',
  expression:
    'create unique index "recommendation_once_per_target" on "people"."recommendation" ("recommender_id", "candidate_id", "organization_id", "posting_id") nulls not distinct',
})
@ObjectType({ description: 'One person recommending another to an organization or to one of its job postings, with a note.' })
export class Recommendation {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  id: string = newId();

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: false })
  recommender: Rel<Person>;

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: false })
  candidate: Rel<Person>;

  @Property({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => JobPosting, { deleteRule: 'cascade', nullable: true, index: false })
  posting?: Rel<JobPosting>;

  @Property({ type: 'text' })
  @Field({ description: 'Why the recommender vouches for the candidate.' })
  note: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the recommendation was made.' })
  createdAt: Opt<Date> = new Date();
}
